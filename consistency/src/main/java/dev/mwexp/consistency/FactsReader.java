package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.Backend;
import dev.mwexp.consistency.facts.CnameRecord;
import dev.mwexp.consistency.facts.HostHiera;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.consistency.read.HelmValuesReader;
import dev.mwexp.consistency.read.HieraReader;
import dev.mwexp.consistency.read.KubernetesReader;
import dev.mwexp.format.lua.LuaTables;
import dev.mwexp.consistency.read.RoutingTableReader;
import dev.mwexp.format.yaml.YamlDocument;
import dev.mwexp.consistency.read.CnameFacts;
import dev.mwexp.consistency.read.PuppetClassReader;
import dev.mwexp.consistency.read.WikimediaHiera;
import dev.mwexp.files.SafeTree;
import dev.mwexp.format.sitepp.SitePp;
import dev.mwexp.fragment.Repository;
import java.util.Optional;
import dev.mwexp.files.TreeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;

/**
 * Reads every tree into {@link Facts} through one {@link SafeTree}, so nothing outside the tree
 * under check is read; what cannot be read becomes one UNREADABLE violation naming the file.
 */
final class FactsReader {

  private FactsReader() {}

  static Facts read(ArtifactTrees trees, HieraKeys keys, Optional<dev.mwexp.model.Setup> model) {
    return read(trees, keys, model, true);
  }

  /**
   * @param linkSources whether to read the links' own sources too ({@link ChainLink#reads}): the
   *     checker runs the links; import, which reads only the chain, need not read the admission
   *     policies, the companions' values or the alerting rules
   */
  static Facts read(ArtifactTrees trees, HieraKeys keys, Optional<dev.mwexp.model.Setup> model, boolean linkSources) {
    List<Violation> unreadable = new ArrayList<>();
    KubernetesReader k8s = new KubernetesReader();
    List<Backend> backends = new ArrayList<>();
    List<RoutingTableReader.DuplicateKey> duplicates = new ArrayList<>();
    List<CnameRecord> cnames = new ArrayList<>();
    Map<String, HostHiera> hiera = new TreeMap<>();
    Map<String, String> vmDatacenters = new TreeMap<>();
    SafeTree tree;
    try {
      tree = SafeTree.within(trees.root(), trees.boundaries(), trees.cache());
    } catch (TreeException e) {
      unreadable.add(unreadable(e));
      return new Facts(backends, duplicates, cnames, hiera, vmDatacenters, k8s.workloads(), k8s.services(), k8s.alerts(),
          unreadable, Set.of("routing", "zones", "hiera", "k8s:*"), Facts.RealLayout.none(), Map.of());
    }

    Set<String> unread = new TreeSet<>();
    if (!trees.holdsChain()) {
      // Only a plug-in's checkout (--alerts): no part of the chain is missing, none is there to judge.
      unread.add(NO_CHAIN);
      return new Facts(backends, duplicates, cnames, hiera, vmDatacenters, k8s.workloads(), k8s.services(), k8s.alerts(),
          unreadable, unread, Facts.RealLayout.none(), readSources(tree, trees, model, unreadable, unread));
    }
    Map<Repository, Path> repos = trees.repositories();
    Optional<Path> script = trees.routingScript()
        .or(() -> Optional.ofNullable(repos.get(Repository.PUPPET)).map(p -> p.resolve(ROUTING_SCRIPT)));
    if (script.isEmpty() || !tree.exists(script.get())) {
      unreadable.add(missing(tree, script.map(tree::name).orElse("puppet/" + ROUTING_SCRIPT), "the X-Wikimedia-Debug routing script"));
      unread.add("routing");
      script = Optional.empty();
    }
    script.ifPresent(path -> {
      String name = tree.name(path);
      try {
        RoutingTableReader.Routing routing = RoutingTableReader.routing(name, tree.read(path));
        backends.addAll(routing.backends());
        duplicates.addAll(routing.duplicates());
      } catch (LuaTables.LuaSyntaxException e) {
        unreadable.add(unreadable(new TreeException(name, e.line(), 0, "is not Lua: " + e.getMessage())));
        unread.add("routing");
      } catch (TreeException e) {
        unreadable.add(unreadable(e));
        unread.add("routing");
      }
    });
    List<Path> zones = new ArrayList<>(trees.zones());
    Optional.ofNullable(repos.get(Repository.DNS)).map(p -> p.resolve("templates/wmnet")).filter(tree::exists)
        .ifPresent(zones::add);
    if (zones.isEmpty()) {
      unreadable.add(missing(tree, repos.containsKey(Repository.DNS) ? tree.name(repos.get(Repository.DNS).resolve("templates/wmnet"))
          : "dns/templates/wmnet", "the zone with the CNAMEs"));
      unread.add("zones");
    }
    if (trees.hiera().isEmpty() && !repos.containsKey(Repository.PUPPET)) {
      unreadable.add(missing(tree, "puppet/hieradata/hosts/", "the hosts' hiera"));
      unread.add("hiera");
    }
    if (trees.manifests().isEmpty() && trees.helmValues().isEmpty() && !repos.containsKey(Repository.CHARTS)) {
      unreadable.add(missing(tree, "deployment-charts/helmfile.d/services/<service>/ (or k8s/<dc>/)",
          "the Kubernetes side (the chart's values or manifests)"));
      unread.add("k8s:*");
    }
    for (Path zone : zones) {
      try {
        cnames.addAll(CnameFacts.read(tree.name(zone), tree.read(zone), trees.service()));
      } catch (TreeException e) {
        unreadable.add(unreadable(e));
        unread.add("zones");
      }
    }
    trees.hiera().ifPresent(root -> {
      try {
        HieraReader reader = HieraReader.open(tree, root, trees.role());
        for (String host : reader.hostsWithOwnFile()) {
          hiera.put(host, reader.lookup(host));
        }
      } catch (TreeException e) {
        unreadable.add(unreadable(e));
        unread.add("hiera");
      }
      Path vms = root.resolve("provision").resolve("vms.yaml");
      if (tree.exists(vms)) {
        try {
          readVmDatacenters(YamlDocument.read(tree, vms), vmDatacenters);
        } catch (TreeException e) {
          unreadable.add(unreadable(e));
        }
      }
    });
    trees.manifests().ifPresent(root -> readManifests(tree, root, k8s, unreadable, unread));
    trees.helmValues().ifPresent(dir -> {
      try {
        HelmValuesReader.read(tree, dir, k8s);
      } catch (TreeException e) {
        unreadable.add(unreadable(e));
        unread.add("k8s:*");
      }
    });
    Facts.RealLayout real = repos.isEmpty() ? Facts.RealLayout.none()
        : readReal(tree, trees, keys, hiera, vmDatacenters, k8s, unreadable, unread, names(backends, cnames),
            modelHosts(model));
    Map<Class<?>, Object> sourced = linkSources ? readSources(tree, trees, model, unreadable, unread) : Map.of();
    return new Facts(backends, duplicates, cnames, hiera, vmDatacenters, k8s.workloads(), k8s.services(), k8s.alerts(),
        unreadable, unread, real, sourced);
  }

  /**
   * What the checks' own sources read ({@link ChainLink#reads}), each once. A source that could
   * not read a file is reported as UNREADABLE, and its part is marked unread so that its checks
   * are skipped and say so.
   */
  private static Map<Class<?>, Object> readSources(SafeTree tree, ArtifactTrees trees,
      Optional<dev.mwexp.model.Setup> model, List<Violation> unreadable, Set<String> unread) {
    Map<Class<?>, Object> sourced = new java.util.HashMap<>();
    for (Class<? extends FactsSource<?>> type : Links.sources()) {
      FactsSource<?> source;
      try {
        source = type.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(type.getName() + " needs a no-argument constructor", e);
      }
      List<TreeException> problems = new ArrayList<>();
      source.read(tree, trees, model, problems::add).ifPresent(facts -> sourced.put(type, facts));
      problems.forEach(e -> unreadable.add(unreadable(e)));
      if (!problems.isEmpty()) {
        unread.add(Links.part(type));
      }
    }
    return sourced;
  }

  /** The part {@link Facts#unread} names when no part of the chain was given, only a plug-in's checkout. */
  static final String NO_CHAIN = "absent:chain";

  /** operations/puppet's routing script, relative to the checkout. */
  static final String ROUTING_SCRIPT = "modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua";
  static final String PROFILE_CLASS = "modules/profile/manifests/kubernetes/mediawiki_experimental.pp";

  /** The parts only the real repositories have: site.pp, Wikimedia's hierarchy, debug.json, the chart's layers. */
  /** Every host name the routing table and the zones mention, to name hosts site.pp does not. */
  private static Set<String> names(List<Backend> backends, List<CnameRecord> cnames) {
    Set<String> names = new TreeSet<>();
    backends.forEach(b -> names.add(b.host()));
    cnames.forEach(c -> names.add(c.target()));
    return names;
  }

  /** The short names of the spec's hosts. */
  private static Set<String> modelHosts(Optional<dev.mwexp.model.Setup> model) {
    Set<String> hosts = new java.util.HashSet<>();
    model.ifPresent(m -> m.allHosts().forEach(h -> hosts.add(h.indexOf('.') < 0 ? h : h.substring(0, h.indexOf('.')))));
    return hosts;
  }

  /** The first of {@code names}, in order, starting with {@code prefix} and of at least {@code labels} labels. */
  private static Optional<String> firstWithPrefix(java.util.NavigableSet<String> names, String prefix, int labels) {
    for (String n : names.tailSet(prefix, true)) {
      if (!n.startsWith(prefix)) {
        return Optional.empty();
      }
      if (n.split("\\.").length >= labels) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  private static Facts.RealLayout readReal(SafeTree tree, ArtifactTrees trees, HieraKeys keys, Map<String, HostHiera> hiera,
      Map<String, String> vmDatacenters, KubernetesReader k8s, List<Violation> unreadable, Set<String> unread,
      Set<String> mentioned, Set<String> modelHosts) {
    Map<Repository, Path> repos = trees.repositories();
    // Sorted, so a host's names are found by prefix in a step, not a pass over every name.
    java.util.NavigableSet<String> sortedMentioned = new TreeSet<>(mentioned);
    Optional<Map<String, SitePp.Stanza>> stanzas = Optional.empty();
    String sitePpName = "";
    Path puppet = repos.get(Repository.PUPPET);
    if (puppet != null) {
      Path sitePp = puppet.resolve("manifests/site.pp");
      sitePpName = tree.name(sitePp);
      Map<String, SitePp.Stanza> byHost = new TreeMap<>();
      try {
        for (SitePp.Stanza s : SitePp.stanzas(tree.read(sitePp))) {
          // The FQDN as the routing table or a zone names the host; Wikimedia's .wmnet otherwise.
          String prefix = s.host() + "." + s.datacenter() + ".";
          byHost.put(firstWithPrefix(sortedMentioned, prefix, 0).orElse(prefix + "wmnet"), s);
        }
        stanzas = Optional.of(byHost);
      } catch (TreeException e) {
        unreadable.add(unreadable(e));
      } catch (dev.mwexp.fragment.MergeConflict e) {
        unreadable.add(unreadable(new TreeException(sitePpName, e.line(), 0, e.reason())));
      }
      Map<String, Map.Entry<String, Source>> mount = Map.of();
      Path profile = puppet.resolve(PROFILE_CLASS);
      try {
        if (tree.exists(profile)) {
          mount = PuppetClassReader.mountDirectory(tree.name(profile), tree.read(profile));
        } else {
          // No profile class in this checkout: the mount path's facts are not in it to check.
          unread.add("mount");
        }
      } catch (TreeException e) {
        unreadable.add(unreadable(e));
      }
      // The hosts that can be mw-experimental's, the only ones looked up (today's site.pp names
      // some 700 others, each a dozen hiera levels): a node of the workers' role, a host the spec
      // has, or a name the routing table or a zone mentions. Another role's host does not include
      // the profile, so its switch is inert and not read. A mentioned host site.pp does not name
      // (yet) whose own file sets the switch is added as it is mentioned, so that the missing
      // stanza is reported.
      String role = trees.role().replace("/", "::");
      Map<String, SitePp.Stanza> hosts = new TreeMap<>();
      Set<String> named = new java.util.HashSet<>();
      byHost.forEach((fqdn, st) -> {
        named.add(st.host());
        if (st.role().equals(role) || modelHosts.contains(st.host()) || sortedMentioned.contains(fqdn)) {
          hosts.put(fqdn, st);
        }
      });
      Path hostDir = puppet.resolve("hieradata/hosts");
      try {
        // In sorted order, a short name's first name of three labels or more is the one it is
        // mentioned as (firstWithPrefix's answer).
        Set<String> seen = new java.util.HashSet<>();
        for (String fqdn : sortedMentioned) {
          String[] labels = fqdn.split("\\.");
          Path file = hostDir.resolve(labels[0] + ".yaml");
          if (labels.length >= 3 && seen.add(labels[0]) && !named.contains(labels[0]) && tree.exists(file)
              && dev.mwexp.format.yaml.YamlEditor.hasTopKey(tree.read(file), keys.mwExperimental())) {
            hosts.put(fqdn, new SitePp.Stanza(0, 0, labels[0], labels[1], role));
          }
        }
      } catch (TreeException e) {
        unreadable.add(unreadable(e));
      }
      WikimediaHiera lookup = new WikimediaHiera(tree, puppet, trees.role());
      // Every key a link reads: servergroup and alerting were left out, so SERVERGROUP and
      // ALERTING could never fire on a real tree.
      List<String> wanted = List.of(keys.mwExperimental(), keys.nodeLabels(), keys.nodeTaints(), keys.servergroup(),
          keys.alerting());
      try {
        for (Map.Entry<String, SitePp.Stanza> e : hosts.entrySet()) {
          // A host whose node gives another role is still looked up as a worker, so that the
          // checker reports the node statement itself (NODE_STANZA), not a missing host.
          SitePp.Stanza s = e.getValue();
          HostHiera h = lookup.lookup(e.getKey(), s.host(), s.datacenter(), wanted);
          if (h.hostFile() == null) {
            continue;
          }
          Map<String, HostHiera.Value> values = new java.util.LinkedHashMap<>(h.keys());
          boolean on = h.get(keys.mwExperimental()).map(v -> Boolean.TRUE.equals(v.value())).orElse(false);
          if (on) {
            // The profile class, not hiera, manages the mount path: its resource speaks for every host.
            putMount(values, keys.mountPath(), mount.get("path"));
            putMount(values, keys.mountOwner(), mount.get("owner"));
            putMount(values, keys.mountGroup(), mount.get("group"));
            putMount(values, keys.mountMode(), mount.get("mode"));
          }
          hiera.put(e.getKey(), new HostHiera(e.getKey(), h.hostFile(), values));
          vmDatacenters.put(e.getKey(), s.datacenter());
        }
      } catch (TreeException e) {
        unreadable.add(unreadable(e));
        unread.add("hiera");
      }
    }
    Optional<List<String>> debugList = Optional.empty();
    String debugJson = "";
    Path mwConfig = repos.get(Repository.MEDIAWIKI_CONFIG);
    if (mwConfig == null && trees.everyRepository()) {
      unreadable.add(missing(tree, Repository.MEDIAWIKI_CONFIG.directory() + "/debug.json",
          "the WikimediaDebug backends list"));
    }
    if (mwConfig != null) {
      Path file = mwConfig.resolve("debug.json");
      debugJson = tree.name(file);
      try {
        debugList = Optional.of(dev.mwexp.format.json.JsonListEditor.items(tree.read(file), "backends"));
      } catch (TreeException e) {
        unreadable.add(unreadable(e));
      } catch (dev.mwexp.fragment.MergeConflict e) {
        unreadable.add(unreadable(new TreeException(debugJson, e.line(), 0, e.reason())));
      }
    }
    List<Violation> chart = new ArrayList<>();
    Optional<String> service = Optional.empty();
    Path charts = repos.get(Repository.CHARTS);
    if (charts != null) {
      Path services = charts.resolve("helmfile.d/services");
      Path dir = services.resolve(trees.service());
      if (!tree.exists(dir) && tree.isDirectory(services)) {
        // Another service name: the one service directory that is not a shared one (_name_).
        try {
          List<Path> own = tree.list(services).stream()
              .filter(p -> !p.getFileName().toString().startsWith("_") && tree.isDirectory(p)).toList();
          if (own.size() == 1) {
            dir = own.get(0);
          }
        } catch (TreeException e) {
          unreadable.add(unreadable(e));
        }
      }
      service = Optional.of(dir.getFileName().toString());
      try {
        chart.addAll(HelmValuesReader.read(tree, dir, k8s).stream()
            .map(f -> Violation.builder().link(Link.CHART_VALUES).subject(f.key()).expected(f.expected())
                .actual(f.actual()).addSources(f.source()).build())
            .toList());
      } catch (TreeException e) {
        unreadable.add(unreadable(e));
        unread.add("k8s:*");
      }
    }
    return new Facts.RealLayout(stanzas, sitePpName, debugList, debugJson, chart, service,
        trees.role().replace("/", "::"));
  }

  private static void putMount(Map<String, HostHiera.Value> values, String key, Map.Entry<String, Source> fact) {
    if (fact != null && !values.containsKey(key)) {
      values.put(key, new HostHiera.Value(fact.getKey(), fact.getValue()));
    }
  }

  /** {@code provision/vms.yaml}: the datacenter each VM is created in, as the tree says it. */
  private static void readVmDatacenters(List<YamlDocument> docs, Map<String, String> out) {
    for (YamlDocument doc : docs) {
      doc.root().fields().forEachRemaining(dc -> dc.getValue().forEach(vm -> {
        String fqdn = vm.path("fqdn").asText("");
        if (!fqdn.isEmpty()) {
          out.put(fqdn, dc.getKey());
        }
      }));
    }
  }

  private static void readManifests(
      SafeTree tree, Path root, KubernetesReader k8s, List<Violation> unreadable, Set<String> unread) {
    List<Path> files;
    try {
      files = tree.files(root).stream()
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .toList();
    } catch (TreeException e) {
      unreadable.add(unreadable(e));
      unread.add("k8s:*");
      return;
    }
    for (Path file : files) {
      Path relative = root.relativize(file);
      if (relative.getNameCount() < 2) {
        continue;
      }
      String dc = relative.getName(0).toString();
      try {
        for (YamlDocument doc : YamlDocument.read(tree, file)) {
          k8s.add(dc, doc);
        }
      } catch (TreeException e) {
        unreadable.add(unreadable(e));
        unread.add("k8s:" + dc);
      }
    }
  }

  /** One line for a part the trees lack, so its knock-ons need not be reported. */
  private static Violation missing(SafeTree tree, String where, String what) {
    return Violation.builder()
        .link(Link.MISSING)
        .subject(where)
        .expected(what + " under " + tree.root())
        .actual("nothing there")
        .build();
  }

  private static Violation unreadable(TreeException e) {
    return Violation.builder()
        .link(Link.UNREADABLE)
        .subject(e.file())
        .expected("a readable file inside the tree")
        .actual(e.reason())
        .addSources(Source.of(e.file(), e.line()))
        .build();
  }
}
