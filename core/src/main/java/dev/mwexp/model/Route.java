package dev.mwexp.model;

import org.immutables.value.Value;

/** One X-Wikimedia-Debug backend and where ATS sends it. Derived from a {@link Setup}. */
@Value.Immutable
public interface Route {

  /** The name users put in {@code X-Wikimedia-Debug: backend=<name>}. */
  String backend();

  String datacenter();

  /** A CNAME (datacenter routes) or a host (host routes). */
  String targetHost();

  int port();

  Kind kind();

  static ImmutableRoute.Builder builder() {
    return ImmutableRoute.builder();
  }

  /** Whether the backend names a datacenter (through its CNAME) or one host. */
  enum Kind {
    DATACENTER,
    HOST
  }
}
