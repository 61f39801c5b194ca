/**
 * PromQL as far as mwexp needs it: the vector selectors of an expression with their label matchers
 * and where each stands in the text, to judge which alerting rules can select mw-experimental's
 * series and to add the matcher that keeps them out.
 */
package dev.mwexp.format.promql;
