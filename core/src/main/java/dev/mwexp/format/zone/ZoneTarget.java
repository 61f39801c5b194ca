package dev.mwexp.format.zone;


/** A CNAME's TTL as the zone writes it ({@code 1H}) and its absolute target. */
public record ZoneTarget(String ttl, String target) {}
