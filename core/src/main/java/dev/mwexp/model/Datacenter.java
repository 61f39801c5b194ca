package dev.mwexp.model;

import java.util.List;
import org.immutables.value.Value;

/** A datacenter with its dedicated worker VMs and the CNAME users route to. */
@Value.Immutable
public interface Datacenter {

  /** {@code eqiad}, {@code codfw}, … */
  String name();

  /** Fully-qualified host names, in spec order. */
  List<String> hosts();

  Cname cname();

  /** The hosts by name, computed once per value. */
  @Value.Lazy
  default List<String> sortedHosts() {
    return hosts().stream().sorted().toList();
  }

  /**
   * A datacenter of {@code hosts} with the CNAME the spec gives one by default for the service
   * {@code service}: {@code <service>.<the first host's domain>} to the first host, TTL 1H.
   */
  static Datacenter of(String service, String name, String... hosts) {
    String first = hosts.length == 0 ? "" : hosts[0];
    String domain = first.contains(".") ? first.substring(first.indexOf('.') + 1) : name;
    return builder().name(name).addHosts(hosts)
        .cname(Cname.builder().name(service + "." + domain).target(first).build()).build();
  }

  static ImmutableDatacenter.Builder builder() {
    return ImmutableDatacenter.builder();
  }
}
