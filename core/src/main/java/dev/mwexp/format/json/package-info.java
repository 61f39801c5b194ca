/**
 * JSON through one streaming parser configuration: operations/mediawiki-config's
 * {@code debug.json} list of backends, edited in place by
 * {@link dev.mwexp.format.json.JsonListEditor}, and where each value stands in a document's text
 * ({@link dev.mwexp.format.json.JsonSpans}), so an edit to the chart's {@code module.json} replaces
 * exactly that value's characters.
 */
package dev.mwexp.format.json;
