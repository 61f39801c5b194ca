package dev.mwexp.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * An ATS routing scope: requests whose Host header is one of {@link #requestHosts()} use this
 * scope's backend table, which holds the backends of {@link #datacenters()} (all when empty).
 */
@Value.Immutable
public interface RoutingScope {

  String name();

  List<String> requestHosts();

  List<String> datacenters();

  static ImmutableRoutingScope.Builder builder() {
    return ImmutableRoutingScope.builder();
  }
}
