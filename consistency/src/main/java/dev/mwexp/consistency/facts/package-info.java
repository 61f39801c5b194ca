/**
 * The facts the checker's links judge, each with its {@link dev.mwexp.consistency.facts.Source}:
 * routing backends, CNAMEs, hosts' hiera, the workload and its Service, tolerations, and what could alert.
 */
package dev.mwexp.consistency.facts;
