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
import dev.mwexp.consistency.read.YamlDocument;
import dev.mwexp.consistency.read.ZoneReader;
import dev.mwexp.files.SafeTree;
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

  static Facts read(ArtifactTrees trees, HieraKeys keys) {
    List<Violation> unreadable = new ArrayList<>();
    KubernetesReader k8s = new KubernetesReader();
    List<Backend> backends = new ArrayList<>();
    List<RoutingTableReader.DuplicateKey> duplicates = new ArrayList<>();
    List<CnameRecord> cnames = new ArrayList<>();
    Map<String, HostHiera> hiera = new TreeMap<>();
    Map<String, String> vmDatacenters = new TreeMap<>();
    SafeTree tree;
    try {
      tree = SafeTree.at(trees.root());
    } catch (TreeException e) {
      unreadable.add(unreadable(e));
      return new Facts(backends, duplicates, cnames, hiera, vmDatacenters, k8s.workloads(), k8s.services(), k8s.alerts(),
          unreadable, Set.of("routing", "zones", "hiera", "k8s:*"));
    }

    Set<String> unread = new TreeSet<>();
    trees.routingScript().ifPresent(script -> {
      String name = tree.name(script);
      try {
        RoutingTableReader.Routing routing = RoutingTableReader.routing(name, tree.read(script));
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
    for (Path zone : trees.zones()) {
      try {
        cnames.addAll(ZoneReader.read(tree.name(zone), tree.read(zone)));
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
    return new Facts(backends, duplicates, cnames, hiera, vmDatacenters, k8s.workloads(), k8s.services(), k8s.alerts(),
        unreadable, unread);
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
