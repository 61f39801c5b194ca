/**
 * Validation of a {@link dev.mwexp.model.Setup}: every rule the apiserver, Puppet, ATS and DNS would
 * otherwise enforce too late, reported as typed {@link dev.mwexp.validation.Problem}s with model paths.
 */
package dev.mwexp.validation;
