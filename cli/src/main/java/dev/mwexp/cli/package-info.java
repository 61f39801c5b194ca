/**
 * The {@code mwexp} command line, thin over the library: one class per command, the reports
 * (text, JSON, SARIF) printed apart from what found them, and the class-data-sharing training run
 * the wrapper script archives. Arguments are parsed in {@code dev.mwexp.cli.args}.
 */
package dev.mwexp.cli;
