/**
 * What mwexp knows of Wikimedia's {@code mediawiki} chart and its vendored {@code mesh} modules,
 * shared by the exporter that changes the chart and the checker that reads it.
 */
package dev.mwexp.chart;
