package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.Backend;
import dev.mwexp.consistency.facts.CnameRecord;
import dev.mwexp.consistency.facts.HostHiera;
import dev.mwexp.consistency.facts.ServiceFact;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.consistency.facts.Workload;
import dev.mwexp.model.Setup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The chain as the facts lay it out, derived once for every link to judge: which backends are
 * mw-experimental's, where each leads through the CNAMEs, which hosts are reached and in which
 * datacenter, and the workload and Service there. It finds nothing wrong itself; a backend that
 * leads nowhere is kept as {@link Unresolved} for the HOST and CNAME_TARGET links.
 */
final class Chain {

  private static final int MAX_CNAME_HOPS = 8;

  final Facts facts;
  final HieraKeys keys;
  final Optional<Setup> model;
  private final String service;
  private final Map<String, CnameRecord> cnames = new HashMap<>();

  /** mw-experimental's backends, by scope and name. */
  final List<Backend> backends = new ArrayList<>();
  /** Each reached host and the backends that reach it (none for a host reached by its switch only). */
  final Map<String, List<Backend>> reachedBy = new TreeMap<>();
  /** The default scope's backends that reach a host. */
  final Set<String> routed = new TreeSet<>();
  /** Backends that lead to no host with hiera: through a CNAME ({@code via}) or straight. */
  final List<Unresolved> unresolved = new ArrayList<>();
  /** Derived once, as a dozen links read them: the reached hosts in datacenters that run the service. */
  private final Map<String, String> hostsInDatacenters;
  private final Set<String> datacenters;
  /**
   * Computed once, not per backend or host: asked per backend and per host, they made check
   * quadratic in the hosts (101 s on 20,000).
   */
  private final List<String> ownedGlobs;
  private final Map<String, String> modelDatacenters = new HashMap<>();
  private final Map<String, Optional<Workload>> workloads = new HashMap<>();
  private final Map<String, Optional<ServiceFact>> services = new HashMap<>();
  private final Map<String, List<String>> hostsByDatacenter;

  /** A backend whose target, after {@code via} (null when no CNAME), is {@code name}: no host with hiera. */
  record Unresolved(Backend backend, CnameRecord via, String name) {}

  Chain(Facts facts, HieraKeys keys, Optional<Setup> model, String service) {
    this.facts = facts;
    this.keys = keys;
    this.model = model;
    this.service = service;
    ownedGlobs = model.map(dev.mwexp.fragment.Ownership::backendGlobs).orElse(List.of());
    model.ifPresent(m -> m.sortedDatacenters().forEach(dc -> dc.hosts().forEach(h -> modelDatacenters.putIfAbsent(h, dc.name()))));
    facts.cnames().forEach(c -> cnames.putIfAbsent(c.name(), c));
    facts.backends().stream().filter(this::isOurs)
        .sorted(Comparator.comparing(Backend::scope).thenComparing(Backend::name)).forEach(backends::add);
    for (Backend backend : backends) {
      String name = backend.host();
      CnameRecord via = null;
      for (int hop = 0; hop < MAX_CNAME_HOPS && cnames.containsKey(name); hop++) {
        via = cnames.get(name);
        name = via.target();
      }
      if (facts.hiera().containsKey(name)) {
        reachedBy.computeIfAbsent(name, h -> new ArrayList<>()).add(backend);
        if (backend.scope().equals("default")) {
          routed.add(backend.name());
        }
      } else if (!facts.unread("zones") && !facts.unread("hiera")) {
        unresolved.add(new Unresolved(backend, via, name));
      }
    }
    // Hosts no backend reaches still run a pod when their switch is on: their labels and taints
    // decide where that pod lands, so they are checked like the routed ones.
    facts.hiera().values().stream()
        .filter(h -> switchedOn(h.host()))
        .filter(h -> datacenterOf(h.host()).isPresent())
        .forEach(h -> reachedBy.putIfAbsent(h.host(), new ArrayList<>()));
    Map<String, String> inDatacenters = new TreeMap<>();
    reachedBy.keySet().forEach(host -> datacenterOf(host).ifPresent(dc -> inDatacenters.put(host, dc)));
    hostsInDatacenters = java.util.Collections.unmodifiableMap(inDatacenters);
    datacenters = java.util.Collections.unmodifiableSet(new TreeSet<>(inDatacenters.values()));
    // The same hosts by datacenter, in host order: grouped once, as a pass over every host for
    // each datacenter grew as datacenters × hosts.
    Map<String, List<String>> byDc = new HashMap<>();
    inDatacenters.forEach((host, dc) -> byDc.computeIfAbsent(dc, k -> new ArrayList<>()).add(host));
    byDc.replaceAll((dc, hosts) -> List.copyOf(hosts));
    hostsByDatacenter = byDc;
  }

  /**
   * Whether a backend is mw-experimental's. In mwexp's own tree, all are. In the real routing
   * script, with a model: the names the model owns; without: the service's per-datacenter names
   * and per-host backends named after a host whose hiera turns the service on. A backend of
   * another service is never judged, even when it points at the same hosts (mw-parsoid shares
   * them).
   */
  boolean isOurs(Backend b) {
    if (facts.real().stanzas().isEmpty() && facts.real().debugList().isEmpty()) {
      return true;
    }
    if (model.isPresent()) {
      return dev.mwexp.fragment.Globs.matchesAny(ownedGlobs, b.name());
    }
    // The service's per-datacenter names: as the chart directory, the Services or the caller name it.
    Set<String> names = new TreeSet<>();
    names.add(service);
    facts.real().service().ifPresent(names::add);
    facts.services().forEach(sv -> names.add(sv.name()));
    return names.stream().anyMatch(n -> b.name().startsWith("k8s-" + n + "-")) || switchedOn(b.name());
  }

  boolean switchedOn(String host) {
    HostHiera h = facts.hiera().get(host);
    return h != null && h.get(keys.mwExperimental()).map(v -> Boolean.TRUE.equals(v.value())).orElse(false);
  }

  /** The name a backend's or CNAME's target ends at, through the CNAMEs. */
  String finalTarget(String name) {
    String n = name;
    for (int hop = 0; hop < MAX_CNAME_HOPS && cnames.containsKey(n); hop++) {
      n = cnames.get(n).target();
    }
    return n;
  }

  /**
   * The datacenter the model puts the host in; without a model, the one the tree's VM list names;
   * else, for Wikimedia's {@code *.wmnet} names only, the label after the host name
   * ({@code wikikube-worker-exp1001.eqiad.wmnet}) — and only where that datacenter runs the
   * workload and its Service. Other names carry no datacenter.
   */
  Optional<String> datacenterOf(String host) {
    return declaredDatacenter(host).filter(d -> workload(d).isPresent() && service(d).isPresent());
  }

  Optional<String> declaredDatacenter(String host) {
    return model.isPresent()
        ? Optional.ofNullable(modelDatacenters.get(host))
        : Optional.ofNullable(facts.vmDatacenters().get(host)).or(() -> wikimediaDatacenter(host));
  }

  private static Optional<String> wikimediaDatacenter(String host) {
    String[] labels = host.split("\\.");
    return labels.length == 3 && labels[2].equals("wmnet") ? Optional.of(labels[1]) : Optional.empty();
  }

  Optional<Workload> workload(String dc) {
    return workloads.computeIfAbsent(dc, this::findWorkload);
  }

  private Optional<Workload> findWorkload(String dc) {
    // The MediaWiki workload is the one mounting the code from the host.
    return facts.workloads().stream()
        .filter(w -> w.datacenter().equals(dc))
        .max(Comparator.comparing(w -> !w.hostPaths().isEmpty()));
  }

  Optional<ServiceFact> service(String dc) {
    return services.computeIfAbsent(dc, this::findService);
  }

  private Optional<ServiceFact> findService(String dc) {
    return facts.services().stream().filter(s -> s.datacenter().equals(dc) && s.type().equals("NodePort")).findFirst()
        .or(() -> facts.services().stream().filter(s -> s.datacenter().equals(dc)).findFirst());
  }

  /** Reached hosts whose datacenter runs the service, with that datacenter. */
  Map<String, String> hostsInDatacenters() {
    return hostsInDatacenters;
  }

  /** The datacenters of {@link #hostsInDatacenters}. */
  Set<String> datacenters() {
    return datacenters;
  }

  /**
   * A datacenter's hosts: those whose switch is on and those a backend routes to (a routed host
   * with the switch off is SWITCH's, not a replica fewer).
   */
  List<String> hostsOf(String dc) {
    return hostsByDatacenter.getOrDefault(dc, List.of());
  }

  /** The datacenters the trees or the model know: those a backend or CNAME name can be judged against. */
  Set<String> knownDatacenters() {
    // Named, not guessed: the model's datacenters, else those the Kubernetes side is laid out by.
    Set<String> dcs = new TreeSet<>();
    if (model.isPresent()) {
      model.get().datacenters().forEach(d -> dcs.add(d.name()));
    } else {
      facts.workloads().forEach(w -> dcs.add(w.datacenter()));
    }
    return dcs;
  }

  /**
   * Whether the profile class's mount path is known for a host: its switch is on (otherwise the
   * profile manages none, and SWITCH says so once) and the class or hiera names it.
   */
  boolean mountKnown(String host) {
    return switchedOn(host) && !(facts.unread("mount") && facts.hiera().get(host).get(keys.mountPath()).isEmpty());
  }

  /** Where a host's hiera key was read; the host's file, else the host, when it is absent. */
  static Source source(HostHiera h, String key) {
    return h.get(key).map(HostHiera.Value::source).orElse(h.hostFile() == null ? Source.of(h.host(), 0) : h.hostFile());
  }
}
