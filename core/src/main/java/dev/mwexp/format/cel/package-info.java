/**
 * CEL as Kubernetes admission policies write it, as far as mwexp edits it: the list of string
 * literals an expression tests membership in ({@code volume.hostPath.path in ["/a", "/b"]}), or
 * the policy variable it tests membership in ({@code v.hostPath.path in variables.allowed}),
 * edited where the variable is written.
 * Evaluation is the real CEL engine's (dev.cel), in the checker.
 */
package dev.mwexp.format.cel;
