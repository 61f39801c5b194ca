package dev.mwexp.consistency.facts;

/** Something that would page: a PrometheusRule, an alerting rule file, an alert switch turned on. */
public record AlertObject(String kind, String name, Source source) {}
