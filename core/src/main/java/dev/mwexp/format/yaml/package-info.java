/**
 * YAML as the repositories write it: hiera files, helmfile values, admin_ng's namespaces, alert
 * rule files, and the spec. One composer ({@link dev.mwexp.format.yaml.YamlNodes}) gives SnakeYAML's
 * node graph with a position for every node, within the caller's limits (size, nesting, aliases);
 * values are read as YAML 1.1 reads them, as Puppet and Helm do
 * ({@link dev.mwexp.format.yaml.YamlValues}). {@link dev.mwexp.format.yaml.YamlEditor} splices
 * whole entries, so comments and foreign keys stay byte for byte; {@link dev.mwexp.format.yaml.YamlText}
 * writes new documents deterministically.
 */
package dev.mwexp.format.yaml;
