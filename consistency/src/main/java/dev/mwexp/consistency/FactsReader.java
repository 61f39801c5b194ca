package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.HostHiera;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.consistency.read.HieraReader;
import dev.mwexp.consistency.read.HelmValuesReader;
import dev.mwexp.consistency.read.KubernetesReader;
import dev.mwexp.consistency.read.LuaTables;
import dev.mwexp.consistency.read.RoutingTableReader;
import dev.mwexp.consistency.read.YamlDocument;
import dev.mwexp.consistency.read.ZoneReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads every tree into {@link Facts}; what cannot be read becomes an UNREADABLE violation. */
final class FactsReader {

  private FactsReader() {}

  static Facts read(ArtifactTrees trees, HieraKeys keys) {
    List<Violation> unreadable = new ArrayList<>();
    KubernetesReader k8s = new KubernetesReader();
    var backends = new ArrayList<dev.mwexp.consistency.facts.Backend>();
    var cnames = new ArrayList<dev.mwexp.consistency.facts.CnameRecord>();
    Map<String, HostHiera> hiera = new TreeMap<>();

    trees.routingScript().ifPresent(script -> {
      try {
        backends.addAll(RoutingTableReader.read(script.getFileName().toString(), Files.readString(script)));
      } catch (LuaTables.LuaSyntaxException e) {
        unreadable.add(unreadable(script.getFileName().toString(), e.line(), "Lua source", e.getMessage()));
      } catch (IOException e) {
        unreadable.add(unreadable(script.toString(), 0, "a readable file", e.toString()));
      }
    });
    for (Path zone : trees.zones()) {
      try {
        cnames.addAll(ZoneReader.read(zone.getFileName().toString(), Files.readString(zone)));
      } catch (IOException e) {
        unreadable.add(unreadable(zone.toString(), 0, "a readable file", e.toString()));
      }
    }
    trees.hiera().ifPresent(root -> {
      try {
        HieraReader reader = HieraReader.open(root, trees.role());
        for (String host : reader.hostsWithOwnFile()) {
          hiera.put(host, reader.lookup(host));
        }
      } catch (IOException | RuntimeException e) {
        unreadable.add(unreadable(root.resolve("hiera.yaml").toString(), 0, "a hiera tree", String.valueOf(e.getMessage())));
      }
    });
    trees.manifests().ifPresent(root -> readManifests(root, k8s, unreadable));
    trees.helmValues().ifPresent(dir -> {
      try {
        HelmValuesReader.read(dir, k8s);
      } catch (IOException | RuntimeException e) {
        unreadable.add(unreadable(dir.toString(), 0, "helmfile values", String.valueOf(e.getMessage())));
      }
    });
    return new Facts(backends, cnames, hiera, k8s.workloads(), k8s.services(), k8s.alerts(), unreadable);
  }

  private static void readManifests(Path root, KubernetesReader k8s, List<Violation> unreadable) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> Files.isRegularFile(p) && (p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")))
          .sorted().toList();
    } catch (IOException e) {
      unreadable.add(unreadable(root.toString(), 0, "a manifests directory", e.toString()));
      return;
    }
    for (Path file : files) {
      Path relative = root.relativize(file);
      if (relative.getNameCount() < 2) {
        continue;
      }
      String dc = relative.getName(0).toString();
      try {
        for (YamlDocument doc : YamlDocument.readAll("k8s/" + relative, Files.readString(file))) {
          k8s.add(dc, doc);
        }
      } catch (IOException | RuntimeException e) {
        unreadable.add(unreadable("k8s/" + relative, 0, "Kubernetes YAML", String.valueOf(e.getMessage())));
      }
    }
  }

  private static Violation unreadable(String file, int line, String expected, String actual) {
    return Violation.builder()
        .link(Link.UNREADABLE)
        .subject(file)
        .expected(expected)
        .actual(actual.replace('\n', ' '))
        .addSources(Source.of(file, line))
        .build();
  }
}
