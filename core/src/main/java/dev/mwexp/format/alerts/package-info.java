/**
 * operations/alerts' Prometheus rule files: which rules could select mw-experimental's series in
 * the Prometheus instances that load the file ({@link dev.mwexp.format.alerts.Exposures}), and the
 * matchers that keep them out, as a merge ({@link dev.mwexp.format.alerts.AlertExclusions}).
 */
package dev.mwexp.format.alerts;
