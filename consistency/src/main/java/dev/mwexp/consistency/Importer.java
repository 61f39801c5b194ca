package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.Backend;
import dev.mwexp.consistency.facts.CnameRecord;
import dev.mwexp.consistency.facts.HostHiera;
import dev.mwexp.format.yaml.YamlText;
import dev.mwexp.files.SafeTree;
import dev.mwexp.files.TreeException;
import dev.mwexp.fragment.MergeConflict;
import dev.mwexp.format.yaml.YamlEditor;
import dev.mwexp.fragment.Repository;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import dev.mwexp.spec.SpecException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The spec that describes what checkouts of the four repositories hold today ({@code cue import}
 * for mwexp): hosts whose hiera turns the service on, grouped by the datacenter site.pp gives them,
 * each datacenter's CNAME, the port and resources of the chart's values, the label and taints of
 * the hosts, the mount path's owner, group and mode of the profile class. Read through the same
 * readers as {@code check}; a sync of the result onto the same checkouts changes nothing.
 */
public final class Importer {

  private Importer() {}

  /** The spec text, canonical (every value explicit), for the checkouts in {@code trees}. */
  public static String spec(ArtifactTrees trees) throws SpecException {
    HieraKeys keys = HieraKeys.WIKIMEDIA;
    Facts facts = FactsReader.read(trees, keys, java.util.Optional.empty(), false);
    List<String> problems = new ArrayList<>();
    facts.unreadable().forEach(v -> problems.add(v.format()));
    String service = facts.real().service().orElse(trees.service());
    Map<String, Object> spec = new LinkedHashMap<>();
    Map<String, Object> serviceMap = new LinkedHashMap<>();
    serviceMap.put("name", service);
    Map<String, Object> deployers = new LinkedHashMap<>();
    Map<String, Object> scheduling = new LinkedHashMap<>();

    Map<String, List<String>> hostsByDc = new TreeMap<>();
    HostHiera first = null;
    for (HostHiera h : facts.hiera().values()) {
      boolean on = h.get(keys.mwExperimental()).map(v -> Boolean.TRUE.equals(v.value())).orElse(false);
      String dc = facts.vmDatacenters().get(h.host());
      if (on && dc != null) {
        hostsByDc.computeIfAbsent(dc, d -> new ArrayList<>()).add(h.host());
        first = first == null ? h : first;
      }
    }
    if (hostsByDc.isEmpty()) {
      problems.add("no host turns " + keys.mwExperimental() + " on in a datacenter site.pp names: nothing to import");
      throw new SpecException(List.of(dev.mwexp.validation.Problem.of(dev.mwexp.validation.Problem.Kind.MISSING, "datacenters",
          String.join("; ", problems), "checkouts holding mw-experimental")));
    }
    List<String> labels = first.strings(keys.nodeLabels());
    if (!labels.isEmpty()) {
      scheduling.put("nodeLabel", labels.get(0));
    }
    scheduling.put("taints", first.strings(keys.nodeTaints()));
    first.get(keys.mountPath()).ifPresent(v -> serviceMap.put("mountPath", v.value()));
    first.get(keys.mountOwner()).ifPresent(v -> deployers.put("user", v.value()));
    first.get(keys.mountGroup()).ifPresent(v -> deployers.put("group", v.value()));
    first.get(keys.mountMode()).ifPresent(v -> deployers.put("mountMode", v.value()));

    values(trees, service, serviceMap, problems);

    Map<String, Object> datacenters = new LinkedHashMap<>();
    boolean perHostMatchesDefault = true;
    boolean anyHostBackend = false;
    for (Map.Entry<String, List<String>> dc : hostsByDc.entrySet()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("hosts", dc.getValue());
      for (CnameRecord c : facts.cnames()) {
        if (dc.getValue().contains(c.target()) && c.name().startsWith(service + ".")) {
          d.put("cname", Map.of("name", c.name(), "target", c.target(), "ttl", c.ttl()));
        }
      }
      boolean hostBackends = facts.backends().stream().anyMatch(b -> b.scope().equals("default") && dc.getValue().contains(b.name()));
      anyHostBackend |= hostBackends;
      perHostMatchesDefault &= hostBackends == (dc.getValue().size() > 1);
      datacenters.put(dc.getKey(), d);
    }
    if (!perHostMatchesDefault) {
      spec.put("debugRouting", Map.of("perHostBackends", anyHostBackend));
    }
    facts.backends().stream().filter(b -> b.name().startsWith("k8s-" + service + "-")).map(Backend::port).findFirst()
        .filter(p -> !serviceMap.containsKey("port")).ifPresent(p -> serviceMap.put("port", p));
    spec.put("service", serviceMap);
    spec.put("scheduling", scheduling);
    if (!deployers.isEmpty()) {
      spec.put("deployers", deployers);
    }
    spec.put("datacenters", datacenters);
    if (!problems.isEmpty()) {
      throw new SpecException(problems.stream().map(p -> dev.mwexp.validation.Problem.of(
          dev.mwexp.validation.Problem.Kind.IO, "", p, "checkouts mwexp can read")).toList());
    }
    Setup setup = Spec.parse(YamlText.write(spec), "<imported>");
    return Spec.write(setup);
  }

  /** Port, resources and devel mode from the chart's values.yaml. */
  private static void values(ArtifactTrees trees, String service, Map<String, Object> out, List<String> problems) {
    Path charts = trees.repositories().get(Repository.CHARTS);
    if (charts == null) {
      return;
    }
    Path file = charts.resolve("helmfile.d/services").resolve(service).resolve("values.yaml");
    try {
      SafeTree tree = SafeTree.at(charts, trees.cache());
      if (!tree.exists(file)) {
        return;
      }
      String text = tree.read(file);
      get(text, "mesh", "public_port").ifPresent(v -> out.put("port", ((java.math.BigDecimal) v).intValue()));
      get(text, "php", "devel_mode").ifPresent(v -> out.put("php", Map.of("develMode", v)));
      Map<String, Object> resources = new LinkedHashMap<>();
      for (String kind : List.of("requests", "limits")) {
        Map<String, Object> q = new LinkedHashMap<>();
        get(text, "main_app", kind, "cpu").ifPresent(v -> q.put("cpu", String.valueOf(v)));
        get(text, "main_app", kind, "memory").ifPresent(v -> q.put("memory", String.valueOf(v)));
        if (!q.isEmpty()) {
          resources.put(kind, q);
        }
      }
      if (!resources.isEmpty()) {
        out.put("resources", resources);
      }
    } catch (TreeException | MergeConflict e) {
      problems.add(file + ": " + e.getMessage());
    }
  }

  private static Optional<Object> get(String text, String... path) throws MergeConflict {
    return YamlEditor.get(text, List.of(path)).filter(v -> v != YamlEditor.NULL);
  }
}
