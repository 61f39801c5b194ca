package dev.mwexp.consistency.facts;

import java.util.Map;
import java.util.Optional;

/** The Kubernetes Service in front of a datacenter's pods. */
public record ServiceFact(
    String datacenter,
    String type,
    Optional<Integer> nodePort,
    Optional<String> internalTrafficPolicy,
    Optional<String> externalTrafficPolicy,
    Map<String, String> selector,
    Source source) {}
