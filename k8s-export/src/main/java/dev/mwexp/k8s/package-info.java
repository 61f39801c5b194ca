/**
 * Kubernetes output: per datacenter, the MediaWiki workload with one pod per dedicated host, its
 * NodePort Service, the php.ini overrides, and (optionally) the Namespace — or the same as values
 * for Wikimedia's {@code mediawiki} chart.
 */
package dev.mwexp.k8s;
