/**
 * The YAML spec format: {@link dev.mwexp.spec.Spec} loads a spec file into a validated
 * {@link dev.mwexp.model.Setup} (or throws {@link dev.mwexp.spec.SpecException} with every problem and
 * its position) and writes a setup back as canonical spec YAML.
 */
package dev.mwexp.spec;
