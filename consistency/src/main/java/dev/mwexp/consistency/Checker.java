package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.AlertObject;
import dev.mwexp.consistency.facts.Backend;
import dev.mwexp.consistency.facts.CnameRecord;
import dev.mwexp.consistency.facts.HostHiera;
import dev.mwexp.consistency.facts.ServiceFact;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.consistency.facts.Toleration;
import dev.mwexp.consistency.facts.Workload;
import dev.mwexp.model.Route;
import dev.mwexp.model.Setup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Follows every backend down the chain — CNAME, host, hiera, workload, Service — and records each
 * broken link once. Host-level links are judged once per host, datacenter-level ones once per
 * datacenter, so one broken fact yields one kind of violation.
 */
final class Checker {

  private static final int MAX_CNAME_HOPS = 8;

  private final Facts facts;
  private final String service;
  private final HieraKeys keys;
  private final Optional<Setup> model;
  private final List<Violation> out = new ArrayList<>();
  private final Map<String, CnameRecord> cnames = new HashMap<>();

  Checker(Facts facts, HieraKeys keys, Optional<Setup> model, String service) {
    this.service = service;
    this.facts = facts;
    this.keys = keys;
    this.model = model;
    facts.cnames().forEach(c -> cnames.putIfAbsent(c.name(), c));
  }

  Report run() {
    out.addAll(facts.unreadable());
    facts.duplicateKeys().forEach(d -> add(Link.DUPLICATE_KEY, d.key(), "the key set once (Lua keeps the last)",
        "set again at " + d.kept().format() + ", overriding " + d.overridden().format(), d.kept(), d.overridden()));
    if (!facts.unread("routing")) {
      model.ifPresent(this::backendsMatchModel);
    }
    Map<String, List<Backend>> reachedBy = new TreeMap<>();
    List<Backend> backends = new ArrayList<>(facts.backends().stream().filter(this::isOurs).toList());
    backends.sort(Comparator.comparing(Backend::scope).thenComparing(Backend::name));
    Set<String> routed = new TreeSet<>();
    for (Backend backend : backends) {
      resolve(backend).ifPresent(host -> {
        reachedBy.computeIfAbsent(host, h -> new ArrayList<>()).add(backend);
        if (backend.scope().equals("default")) {
          routed.add(backend.name());
        }
      });
    }
    // Hosts no backend reaches still run a pod when their switch is on: their labels and taints
    // decide where that pod lands, so they are checked like the routed ones.
    facts.hiera().values().stream()
        .filter(h -> h.get(keys.mwExperimental()).map(v -> Boolean.TRUE.equals(v.value())).orElse(false))
        .filter(h -> datacenterOf(h.host()).isPresent())
        .forEach(h -> reachedBy.putIfAbsent(h.host(), new ArrayList<>()));
    Set<String> datacenters = new TreeSet<>();
    reachedBy.forEach(
        (host, via) -> {
          Optional<String> dc = datacenterOf(host);
          if (dc.isEmpty() && declaredDatacenter(host).filter(facts::kubernetesUnread).isPresent()) {
            return;
          }
          if (dc.isEmpty()) {
            add(Link.DATACENTER, host, "a datacenter with an mw-experimental workload and Service",
                "none for this host", via.get(0).source(), facts.hiera().get(host).hostFile());
            return;
          }
          datacenters.add(dc.get());
          host(host, workload(dc.get()).orElseThrow());
          service(dc.get()).ifPresent(s -> via.forEach(b -> port(b, s)));
        });
    datacenters.forEach(dc -> datacenter(dc, reachedBy.keySet()));
    crossDatacenter(backends);
    realLayout(reachedBy.keySet(), routed);
    for (AlertObject alert : facts.alerts()) {
      add(Link.ALERTING, alert.kind() + " " + alert.name(), "no alerting objects", alert.kind(), alert.source());
    }
    return new Report(out);
  }

  // ---- backend -> host ----

  /**
   * Whether a backend is mw-experimental's. In mwexp's own tree, all are. In the real routing
   * script, with a model: the names the model owns; without: the service's per-datacenter names
   * and per-host backends named after a host whose hiera turns the service on. A backend of
   * another service is never judged, even when it points at the same hosts (mw-parsoid shares
   * them).
   */
  private boolean isOurs(Backend b) {
    if (facts.real().stanzas().isEmpty() && facts.real().debugList().isEmpty()) {
      return true;
    }
    if (model.isPresent()) {
      return dev.mwexp.fragment.Globs.matchesAny(dev.mwexp.fragment.Ownership.backendGlobs(model.get()), b.name());
    }
    // The service's per-datacenter names: as the chart directory, the Services or the caller name it.
    Set<String> names = new TreeSet<>();
    names.add(service);
    facts.real().service().ifPresent(names::add);
    facts.services().forEach(sv -> names.add(sv.name()));
    return names.stream().anyMatch(n -> b.name().startsWith("k8s-" + n + "-")) || switchedOn(b.name());
  }

  private boolean switchedOn(String host) {
    HostHiera h = facts.hiera().get(host);
    return h != null && h.get(keys.mwExperimental()).map(v -> Boolean.TRUE.equals(v.value())).orElse(false);
  }

  /** The host a backend reaches, through CNAMEs; empty (and a violation) when it reaches none. */
  private Optional<String> resolve(Backend backend) {
    String name = backend.host();
    CnameRecord via = null;
    for (int hop = 0; hop < MAX_CNAME_HOPS && cnames.containsKey(name); hop++) {
      via = cnames.get(name);
      name = via.target();
    }
    if (facts.hiera().containsKey(name)) {
      return Optional.of(name);
    }
    if (facts.unread("zones") || facts.unread("hiera")) {
      return Optional.empty();
    }
    if (via != null) {
      add(Link.CNAME_TARGET, via.name(), "a host with hiera", name, via.source(), backend.source());
    } else {
      add(Link.HOST, backend.name(), "a CNAME in the zone or a host with hiera", name, backend.source());
    }
    return Optional.empty();
  }

  /**
   * The datacenter the model puts the host in; without a model, the one the tree's VM list names;
   * else, for Wikimedia's {@code *.wmnet} names only, the label after the host name
   * ({@code wikikube-worker-exp1001.eqiad.wmnet}). Other names carry no datacenter.
   */
  private Optional<String> datacenterOf(String host) {
    return declaredDatacenter(host).filter(d -> workload(d).isPresent() && service(d).isPresent());
  }

  private Optional<String> declaredDatacenter(String host) {
    return model.isPresent()
        ? model.get().datacenterOf(host).map(d -> d.name())
        : Optional.ofNullable(facts.vmDatacenters().get(host)).or(() -> wikimediaDatacenter(host));
  }

  private static Optional<String> wikimediaDatacenter(String host) {
    String[] labels = host.split("\\.");
    return labels.length == 3 && labels[2].equals("wmnet") ? Optional.of(labels[1]) : Optional.empty();
  }

  private Optional<Workload> workload(String dc) {
    // The MediaWiki workload is the one mounting the code from the host.
    return facts.workloads().stream()
        .filter(w -> w.datacenter().equals(dc))
        .max(Comparator.comparing(w -> !w.hostPaths().isEmpty()));
  }

  private Optional<ServiceFact> service(String dc) {
    return facts.services().stream().filter(s -> s.datacenter().equals(dc) && s.type().equals("NodePort")).findFirst()
        .or(() -> facts.services().stream().filter(s -> s.datacenter().equals(dc)).findFirst());
  }

  // ---- host ----

  private void host(String host, Workload w) {
    HostHiera h = facts.hiera().get(host);
    Optional<HostHiera.Value> on = h.get(keys.mwExperimental());
    boolean switchedOn = on.isPresent() && Boolean.TRUE.equals(on.get().value());
    if (!switchedOn) {
      add(Link.SWITCH, host, keys.mwExperimental() + ": true",
          on.map(v -> String.valueOf(v.value())).orElse("no such key"), source(h, keys.mwExperimental()));
    }
    List<String> labels = h.strings(keys.nodeLabels());
    for (Map.Entry<String, String> selector : w.nodeSelector().entrySet()) {
      String label = selector.getKey() + "=" + selector.getValue();
      if (!labels.contains(label)) {
        add(Link.LABEL, host, label + " in " + keys.nodeLabels(), labels.toString(),
            source(h, keys.nodeLabels()), w.source("nodeSelector"));
      }
    }
    List<String> taints = h.strings(keys.nodeTaints());
    Set<String> untolerated = new TreeSet<>();
    for (String taint : taints) {
      if (w.tolerations().stream().noneMatch(t -> t.tolerates(taint))) {
        untolerated.add(taint);
      }
    }
    Set<String> unmatched = new TreeSet<>();
    for (Toleration t : w.tolerations()) {
      if (taints.stream().noneMatch(t::tolerates)) {
        unmatched.add(t.format());
      }
    }
    if (!untolerated.isEmpty() || !unmatched.isEmpty()) {
      add(Link.TAINTS, host,
          "tolerations " + w.tolerations().stream().map(Toleration::format).sorted().toList() + " for the host's taints",
          "host taints " + taints.stream().sorted().toList(), source(h, keys.nodeTaints()), w.source("tolerations"));
    }
    // With the switch off the profile class manages no mount path: SWITCH says so, once.
    boolean mountKnown = switchedOn && !(facts.unread("mount") && h.get(keys.mountPath()).isEmpty());
    Optional<String> mountPath = h.get(keys.mountPath()).map(v -> String.valueOf(v.value()));
    String mounted = w.hostPaths().get(mountPath.orElse(""));
    if (mountKnown && (mountPath.isEmpty() || mounted == null || !mounted.equals(mountPath.get()))) {
      add(Link.MOUNT_PATH, host,
          "hostPath " + mountPath.orElse("(" + keys.mountPath() + ")") + " mounted at the same path",
          w.hostPaths().isEmpty() ? "no hostPath" : w.hostPaths().entrySet().stream()
              .map(e -> e.getKey() + " at " + e.getValue()).toList().toString(),
          source(h, keys.mountPath()), w.source("hostPaths"));
    }
    if (mountKnown) {
      ownership(host, h);
    }
    // Only where the host side names a servergroup (Wikimedia's chart takes it from helmfile).
    Optional<String> servergroup = h.get(keys.servergroup()).map(v -> String.valueOf(v.value()));
    if (servergroup.isPresent() && !servergroup.equals(w.servergroup())) {
      add(Link.SERVERGROUP, host, "SERVERGROUP " + servergroup.get(),
          w.servergroup().orElse("no SERVERGROUP"), source(h, keys.servergroup()), w.source("servergroup"));
    }
    h.get(keys.alerting())
        .filter(v -> !Boolean.FALSE.equals(v.value()))
        .ifPresent(v -> add(Link.ALERTING, host, keys.alerting() + ": false", String.valueOf(v.value()), v.source()));
  }

  private void ownership(String host, HostHiera h) {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put(keys.mountOwner(), model.map(m -> m.deployers().user()).orElse(null));
    expected.put(keys.mountGroup(), model.map(m -> m.deployers().group()).orElse(null));
    expected.put(keys.mountMode(), model.map(m -> m.deployers().mountMode()).orElse(null));
    expected.forEach(
        (key, want) -> {
          Optional<HostHiera.Value> got = h.get(key);
          boolean ok =
              got.isPresent()
                  && got.get().value() instanceof String s
                  && !s.isEmpty()
                  && (want == null || want.equals(s));
          if (!ok) {
            add(Link.MOUNT_OWNERSHIP, host, key + ": " + (want == null ? "a string" : want),
                got.map(v -> String.valueOf(v.value())).orElse("no such key"), source(h, key));
          } else if (key.equals(keys.mountMode()) && want == null && !groupWritable(String.valueOf(got.get().value()))) {
            // Without the spec the exact mode is unknown, but engineers of the group edit here.
            add(Link.MOUNT_OWNERSHIP, host, key + ": a mode that lets the group write (such as 2775)",
                String.valueOf(got.get().value()), source(h, key));
          }
        });
  }

  /** Whether an octal mode ({@code 2775}, {@code 0775}) gives the group write permission. */
  private static boolean groupWritable(String mode) {
    if (!mode.matches("[0-7]{3,4}")) {
      return false;
    }
    int group = mode.charAt(mode.length() - 2) - '0';
    return (group & 2) != 0;
  }

  // ---- datacenter ----

  /**
   * The datacenter's workload and Service, for its hosts: those whose switch is on and those a
   * backend routes to (a routed host with the switch off is SWITCH's, not a replica fewer).
   */
  private void datacenter(String dc, Set<String> routed) {
    Workload w = workload(dc).orElseThrow();
    List<String> hosts =
        facts.hiera().values().stream()
            .filter(h -> routed.contains(h.host())
                || h.get(keys.mwExperimental()).map(v -> Boolean.TRUE.equals(v.value())).orElse(false))
            .map(HostHiera::host)
            .filter(host -> datacenterOf(host).filter(dc::equals).isPresent())
            .sorted()
            .toList();
    if (w.kind().equals("Deployment")) {
      int replicas = w.replicas().orElse(1);
      // Anti-affinity only matters once two pods could meet on one host.
      if (replicas != hosts.size() || (replicas > 1 && !w.hostnameAntiAffinity())) {
        add(Link.COVERAGE, dc,
            hosts.size() + " replicas (one per host " + hosts + ") kept apart by a required anti-affinity on kubernetes.io/hostname",
            replicas + " replicas" + (w.hostnameAntiAffinity() ? "" : " without that anti-affinity"), w.source("replicas"));
      }
    } else if (!w.kind().equals("DaemonSet")) {
      add(Link.COVERAGE, dc, "a Deployment or DaemonSet", w.kind(), w.source());
    }
    ServiceFact s = service(dc).orElseThrow();
    // Cluster policies matter once a datacenter has two hosts: a request for one host's code could
    // be served by the other's pod. With one host (Wikimedia's chart sets no policy) they do not.
    boolean policiesMatter = hosts.size() > 1 || s.externalTrafficPolicy().isPresent() || s.internalTrafficPolicy().isPresent();
    if (!s.type().equals("NodePort")
        || (policiesMatter && (!s.externalTrafficPolicy().equals(Optional.of("Local"))
            || !s.internalTrafficPolicy().equals(Optional.of("Local"))))) {
      add(Link.TRAFFIC_POLICY, dc, "type NodePort, externalTrafficPolicy Local, internalTrafficPolicy Local",
          "type " + s.type() + ", externalTrafficPolicy " + s.externalTrafficPolicy().orElse("Cluster")
              + ", internalTrafficPolicy " + s.internalTrafficPolicy().orElse("Cluster"), s.source());
    }
    boolean selects =
        !s.selector().isEmpty()
            && s.selector().entrySet().stream().allMatch(e -> Objects.equals(w.podLabels().get(e.getKey()), e.getValue()));
    if (!selects) {
      add(Link.SELECTOR, dc, "a selector matching the pod labels " + new TreeMap<>(w.podLabels()),
          new TreeMap<>(s.selector()).toString(), s.source(), w.source("podLabels"));
    }
    if (!s.namespace().equals(w.namespace())) {
      // A Service selects pods of its own namespace only.
      add(Link.SELECTOR, dc, "the Service in the pods' namespace " + w.namespace(), "namespace " + s.namespace(),
          s.source(), w.source());
    }
    s.targetPort().ifPresent(target -> {
      boolean reaches = w.containerPort().map(String::valueOf).filter(target::equals).isPresent()
          || w.containerPortName().filter(target::equals).isPresent();
      if (!reaches) {
        add(Link.PORT, dc, "targetPort " + w.containerPort().map(String::valueOf).orElse("(none)")
                + w.containerPortName().map(n -> " (or its name " + n + ")").orElse("") + ", the MediaWiki container's port",
            "targetPort " + target, s.portSource(), w.source("port"));
      }
    });
    Map<Integer, List<ServiceFact>> byNodePort = new TreeMap<>();
    facts.services().stream()
        .filter(other -> other.datacenter().equals(dc) && other.type().equals("NodePort") && other.nodePort().isPresent())
        .forEach(other -> byNodePort.computeIfAbsent(other.nodePort().get(), p -> new ArrayList<>()).add(other));
    byNodePort.forEach((port, claimants) -> {
      if (claimants.size() > 1) {
        add(Link.PORT, dc, "one Service per nodePort " + port,
            claimants.size() + " Services " + claimants.stream().map(c -> c.namespace() + "/" + c.name()).toList(),
            claimants.stream().map(ServiceFact::portSource).toArray(Source[]::new));
      }
    });
  }

  private void port(Backend backend, ServiceFact s) {
    if (!s.nodePort().equals(Optional.of(backend.port()))) {
      add(Link.PORT, backend.name(), "nodePort " + backend.port(),
          s.nodePort().map(p -> "nodePort " + p).orElse("no nodePort"), backend.source(), s.portSource());
    }
  }

  // ---- datacenters ----

  /** The datacenters the trees or the model know: those a backend or CNAME name can be judged against. */
  private Set<String> knownDatacenters() {
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
   * A per-datacenter backend ({@code k8s-<service>-<dc>}) or a CNAME in a datacenter's domain
   * ({@code name.<dc>.wmnet}) must lead to a host of that datacenter: otherwise a request for
   * eqiad is served in codfw, and every other link can still look right.
   */
  private void crossDatacenter(List<Backend> backends) {
    Set<String> dcs = knownDatacenters();
    for (Backend b : backends) {
      int dash = b.name().lastIndexOf('-');
      String dc = dash < 0 ? "" : b.name().substring(dash + 1);
      if (!dcs.contains(dc)) {
        continue;
      }
      String host = finalTarget(b.host());
      if (!switchedOn(host)) {
        continue; // no host at all: the HOST or CNAME_TARGET link says so
      }
      declaredDatacenter(host).filter(d -> !d.equals(dc)).ifPresent(d -> add(Link.CROSS_DATACENTER, b.name(),
          "a host of " + dc, host + ", a host of " + d, b.source()));
    }
    for (CnameRecord c : facts.cnames()) {
      String[] labels = c.name().split("\\.");
      if (labels.length < 3 || !dcs.contains(labels[1])) {
        continue;
      }
      String host = finalTarget(c.target());
      if (!switchedOn(host)) {
        continue; // someone else's record (mw-parsoid's, say)
      }
      declaredDatacenter(host).filter(d -> !d.equals(labels[1])).ifPresent(d -> add(Link.CROSS_DATACENTER, c.name(),
          "a host of " + labels[1], host + ", a host of " + d, c.source()));
    }
  }

  private String finalTarget(String name) {
    String n = name;
    for (int hop = 0; hop < MAX_CNAME_HOPS && cnames.containsKey(n); hop++) {
      n = cnames.get(n).target();
    }
    return n;
  }

  // ---- the real repositories ----

  /** site.pp stanzas of the routed hosts, debug.json against what routes, and the chart's merged values. */
  private void realLayout(Set<String> hosts, Set<String> routed) {
    Facts.RealLayout real = facts.real();
    out.addAll(real.chartValues());
    real.stanzas().ifPresent(stanzas -> hosts.forEach(host -> {
      var stanza = stanzas.get(host);
      String role = facts.real().workerRole();
      if (stanza == null) {
        add(Link.NODE_STANZA, host, "node /^" + host.replace(".", "\\.") + "/ { role(" + role + ") }",
            "no node stanza for the host", Source.of(real.sitePp(), 0));
      } else if (!stanza.role().equals(role)) {
        // Puppet picks an exact name over any regex: the node read last for the host is the one it uses.
        add(Link.NODE_STANZA, host, "role(" + role + ")", stanza.role().isEmpty() ? "no role"
            : "role(" + stanza.role() + ")", Source.of(real.sitePp(), stanza.first()));
      }
    }));
    real.debugList().ifPresent(list -> {
      Source where = Source.of(real.debugJson(), 0);
      for (String backend : routed) {
        if (!list.contains(backend)) {
          add(Link.DEBUG_LIST, backend, "listed in debug.json, so WikimediaDebug offers it", "not listed", where);
        }
      }
      model.ifPresent(m -> {
        Set<String> wanted = new TreeSet<>();
        m.routes().forEach(r -> wanted.add(r.backend()));
        List<String> owned = dev.mwexp.fragment.Ownership.backendGlobs(m);
        for (String item : list) {
          if (dev.mwexp.fragment.Globs.matchesAny(owned, item) && !wanted.contains(item)) {
            add(Link.DEBUG_LIST, item, "no such backend (the model does not route it)", "listed", where);
          }
        }
        for (String backend : wanted) {
          if (!list.contains(backend) && !routed.contains(backend)) {
            add(Link.DEBUG_LIST, backend, "listed in debug.json", "not listed", where);
          }
        }
      });
    });
  }

  // ---- model ----

  private void backendsMatchModel(Setup setup) {
    Map<String, Backend> inTable = new TreeMap<>();
    facts.backends().stream().filter(b -> b.scope().equals("default")).filter(this::isOurs)
        .forEach(b -> inTable.putIfAbsent(b.name(), b));
    Source modelSource = Source.model("routes");
    for (Route route : setup.routes()) {
      Backend b = inTable.remove(route.backend());
      String want = route.targetHost() + ":" + route.port();
      if (b == null) {
        add(Link.BACKEND, route.backend(), want, "no such backend", modelSource);
      } else if (!(b.host() + ":" + b.port()).equals(want)) {
        add(Link.BACKEND, route.backend(), want, b.host() + ":" + b.port(), b.source());
      }
    }
    inTable.values()
        .forEach(b -> add(Link.BACKEND, b.name(), "no such backend", b.host() + ":" + b.port(), b.source()));
  }

  // ---- helpers ----

  private static Source source(HostHiera h, String key) {
    return h.get(key).map(HostHiera.Value::source).orElse(h.hostFile() == null ? Source.of(h.host(), 0) : h.hostFile());
  }

  private void add(Link link, String subject, String expected, String actual, Source... sources) {
    out.add(
        Violation.builder()
            .link(link)
            .subject(subject)
            .expected(expected)
            .actual(actual)
            .sources(java.util.Arrays.stream(sources).filter(Objects::nonNull).distinct().collect(Collectors.toList()))
            .build());
  }
}
