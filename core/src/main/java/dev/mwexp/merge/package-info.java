/**
 * Applies a fragment's merge to a file's text through the one editor of its format: the only
 * place that knows which editor serves which merge, so the formats need not know each other.
 */
package dev.mwexp.merge;
