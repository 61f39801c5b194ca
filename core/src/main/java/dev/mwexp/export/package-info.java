/**
 * What every exporter shares: the {@link dev.mwexp.export.Exporter} contract, the
 * {@link dev.mwexp.export.Artifacts} it returns, deterministic YAML, and the atomic
 * {@link dev.mwexp.export.OutputDirectory} writer.
 */
package dev.mwexp.export;
