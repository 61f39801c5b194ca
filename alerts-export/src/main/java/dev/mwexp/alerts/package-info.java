/**
 * operations/alerts as a fifth repository, brought by a plug-in: its {@link
 * dev.mwexp.fragment.RepositoryProvider} (so {@code --alerts} and {@code alertsDirectory} exist)
 * and its exporter of mw-experimental's exclusions. It depends on core only.
 */
package dev.mwexp.alerts;
