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

  default List<String> sortedHosts() {
    return hosts().stream().sorted().toList();
  }

  static ImmutableDatacenter.Builder builder() {
    return ImmutableDatacenter.builder();
  }
}
