/**
 * Fragments applied to checkouts of the four repositories: {@link dev.mwexp.repos.Checkouts} (the
 * roots, checked before anything is written), {@link dev.mwexp.repos.Sync} (fragments and
 * checkouts to a {@link dev.mwexp.repos.Plan} of {@link dev.mwexp.repos.Change}s, in memory), the
 * plan's unified diffs, and {@link dev.mwexp.repos.Plan#write} (each file replaced atomically).
 */
package dev.mwexp.repos;
