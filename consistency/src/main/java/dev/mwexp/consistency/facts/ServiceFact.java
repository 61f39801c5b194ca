package dev.mwexp.consistency.facts;

import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes Service in front of a datacenter's pods.
 *
 * @param targetPort the port's targetPort as written: a number or a container port's name
 * @param portSource where the port (its nodePort) is declared
 * @param policiesIgnored the chart template that renders the Service without the values' traffic
 *     policies, when there is one (the mediawiki chart before mwexp's chart change)
 */
public record ServiceFact(
    String datacenter,
    String namespace,
    String name,
    String type,
    Optional<Integer> nodePort,
    Optional<String> targetPort,
    Source portSource,
    Optional<String> internalTrafficPolicy,
    Optional<String> externalTrafficPolicy,
    Map<String, String> selector,
    Source source,
    java.util.Optional<Source> policiesIgnored) {}
