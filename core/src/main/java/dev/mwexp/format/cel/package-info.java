/**
 * CEL as Kubernetes admission policies write it, as far as mwexp edits it: the list of string
 * literals an expression tests membership in ({@code volume.hostPath.path in ["/a", "/b"]}).
 * Evaluation is the real CEL engine's (dev.cel), in the checker.
 */
package dev.mwexp.format.cel;
