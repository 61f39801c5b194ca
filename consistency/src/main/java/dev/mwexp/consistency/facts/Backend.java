package dev.mwexp.consistency.facts;

/** One entry of the ATS routing table: in {@code scope}, backend {@code name} goes to host:port. */
public record Backend(String scope, String name, String host, int port, Source source) {}
