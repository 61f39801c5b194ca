package dev.mwexp.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One mw-experimental setup: the service, how it is scheduled, deployed, refreshed and routed. */
@Value.Immutable
public interface Setup {

  /**
   * Where a datacenter's hosts live, {@code {dc}} standing for the datacenter:
   * {@code wikikube-worker-exp1001.eqiad.wmnet} is an eqiad host. Hosts under the part after
   * {@code {dc}} ({@code .wmnet}) must be in their datacenter's domain; others are not judged. Empty
   * turns the rule off.
   */
  @Value.Default
  default String hostDomain() {
    return "{dc}.wmnet";
  }

  // Each part defaults exactly as the spec does, so a model in code needs only its datacenters.

  @Value.Default
  default Service service() {
    return ImmutableService.builder().build();
  }

  @Value.Default
  default Scheduling scheduling() {
    return ImmutableScheduling.builder().build();
  }

  @Value.Default
  default Deployers deployers() {
    return ImmutableDeployers.builder().build();
  }

  @Value.Default
  default CodeRefresh codeRefresh() {
    return ImmutableCodeRefresh.builder().build();
  }

  @Value.Default
  default DebugRouting debugRouting() {
    return ImmutableDebugRouting.builder().build();
  }

  /** In spec order; exporters use {@link #sortedDatacenters()} so output never depends on it. */
  List<Datacenter> datacenters();

  static ImmutableSetup.Builder builder() {
    return ImmutableSetup.builder();
  }

  // The derived lists below are computed once per value (@Value.Lazy): exporters, validation and
  // ownership each ask for them, and at 10,000 hosts every sort was a visible part of a compile.

  /** Datacenters by name. */
  @Value.Lazy
  default List<Datacenter> sortedDatacenters() {
    List<Datacenter> sorted = new ArrayList<>(datacenters());
    sorted.sort(Comparator.comparing(Datacenter::name));
    return List.copyOf(sorted);
  }

  default Optional<Datacenter> datacenter(String name) {
    return datacenters().stream().filter(dc -> dc.name().equals(name)).findFirst();
  }

  /** Every host of every datacenter, sorted by datacenter then host name. */
  @Value.Lazy
  default List<String> allHosts() {
    List<String> hosts = new ArrayList<>();
    for (Datacenter dc : sortedDatacenters()) {
      hosts.addAll(dc.sortedHosts());
    }
    return List.copyOf(hosts);
  }

  /** The datacenter a host belongs to. */
  default Optional<Datacenter> datacenterOf(String host) {
    return sortedDatacenters().stream().filter(dc -> dc.hosts().contains(host)).findFirst();
  }

  /**
   * Every X-Wikimedia-Debug backend: one per datacenter (through its CNAME), then, when enabled,
   * one per host so an engineer can pick the VM they are editing. Sorted by backend name.
   */
  @Value.Lazy
  default List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    for (Datacenter dc : sortedDatacenters()) {
      routes.add(
          Route.builder()
              .backend(debugRouting().datacenterBackendName(service().name(), dc.name()))
              .datacenter(dc.name())
              .targetHost(dc.cname().name())
              .port(service().port())
              .kind(Route.Kind.DATACENTER)
              .build());
      if (debugRouting().perHostBackendsIn(dc)) {
        for (String host : dc.sortedHosts()) {
          routes.add(
              Route.builder()
                  .backend(host)
                  .datacenter(dc.name())
                  .targetHost(host)
                  .port(service().port())
                  .kind(Route.Kind.HOST)
                  .build());
        }
      }
    }
    routes.sort(Comparator.comparing(Route::backend));
    return List.copyOf(routes);
  }
}
