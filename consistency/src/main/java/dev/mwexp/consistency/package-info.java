/**
 * Routing consistency: reads hiera, Kubernetes (or helm values), the ATS routing script and DNS
 * records — emitted by mwexp or kept by hand — and checks that every X-Wikimedia-Debug backend
 * reaches one mw-experimental pod on a correctly labelled, tainted and mounted host.
 *
 * <p>Entry points: {@link dev.mwexp.consistency.RoutingConsistency#check} and, for drift between
 * a tree and what a spec compiles to, {@link dev.mwexp.consistency.Drift#between}.
 */
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PUBLIC)
package dev.mwexp.consistency;

import org.immutables.value.Value;
