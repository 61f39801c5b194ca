/**
 * Changes to the {@code mediawiki} chart itself, made the way deployment-charts changes a chart:
 * a new minor version of the {@code mesh.service} module that takes the traffic policies from values.
 */
package dev.mwexp.k8s.chart;
