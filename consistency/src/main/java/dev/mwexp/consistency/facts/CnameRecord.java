package dev.mwexp.consistency.facts;

/** A DNS CNAME from a zone snippet; names without the trailing dot. */
public record CnameRecord(String name, String target, int ttl, Source source) {}
