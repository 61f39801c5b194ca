package dev.mwexp.model;

import org.immutables.value.Value;

/** A DNS CNAME naming a datacenter's mw-experimental host, so users need not know worker names. */
@Value.Immutable
public interface Cname {

  /** {@code mw-experimental.eqiad.wmnet}. */
  String name();

  /** A host of the same datacenter. */
  String target();

  /** Seconds; Wikimedia's records say {@code 1H}. */
  @Value.Default
  default int ttl() {
    return 3600;
  }

  static ImmutableCname.Builder builder() {
    return ImmutableCname.builder();
  }
}
