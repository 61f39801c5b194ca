/**
 * The Maven plugin, thin over the library: {@code compile}, {@code sync} and {@code check} goals
 * sharing the spec and the checkouts' parameters.
 */
package dev.mwexp.maven;
