/**
 * Readers that turn the repositories' files into facts, through the one parser of each format in
 * {@code dev.mwexp.format}: hiera lookups as Puppet does them, helm values merged as helmfile does,
 * manifests, the routing script, the zone, the profile class, and label selectors as Kubernetes reads them.
 */
package dev.mwexp.consistency.read;
