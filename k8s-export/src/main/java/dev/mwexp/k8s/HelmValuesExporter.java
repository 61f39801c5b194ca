package dev.mwexp.k8s;

import dev.mwexp.format.yaml.YamlKeys;
import dev.mwexp.export.Exporter;
import dev.mwexp.fragment.Fragment;
import dev.mwexp.fragment.Merge;
import dev.mwexp.fragment.Repository;
import dev.mwexp.k8s.chart.TrafficPolicyChartChange;
import dev.mwexp.model.Datacenter;
import dev.mwexp.model.Resources;
import dev.mwexp.model.Setup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * mw-experimental's keys in operations/deployment-charts' {@code helmfile.d/services/<service>/}
 * values for Wikimedia's {@code mediawiki} chart. Every other key — mesh tracing, monitoring, the
 * per-datacenter mcrouter settings — stays as the file has it. No image: scap's release file sets
 * it. {@code rollingUpdate: ~} and the {@code auto_compute}/{@code enforce: false} flags are what
 * keep the common {@code global.yaml} from overriding Recreate and the resources.
 */
public final class HelmValuesExporter implements Exporter {

  @Override
  public String format() {
    return "helm-values";
  }

  static String dir(Setup setup) {
    return "helmfile.d/services/" + setup.service().name() + "/";
  }

  @Override
  public List<Fragment> fragments(Setup setup) {
    List<Fragment> out = new ArrayList<>();
    // values.yaml holds the replica count most datacenters share (the smallest, on a tie); a
    // datacenter with another count overrides it in its own file. Adding a host to one datacenter
    // then changes that datacenter's file only.
    Map<Integer, Long> counts = new java.util.TreeMap<>();
    setup.datacenters().forEach(dc -> counts.merge(dc.hosts().size(), 1L, Long::sum));
    int common = counts.entrySet().stream().max(Map.Entry.<Integer, Long>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).orElseThrow().getKey();
    Map<List<String>, Object> shared = shared(setup);
    shared.put(List.of("resources", "replicas"), common);
    out.add(new Fragment(Repository.CHARTS, dir(setup) + "values.yaml", new YamlKeys(shared, List.of(),
        "# " + setup.service().name() + ": one MediaWiki pod per dedicated worker (values for the mediawiki chart).\n")));
    for (Datacenter dc : setup.sortedDatacenters()) {
      Map<List<String>, Object> set = new LinkedHashMap<>();
      List<List<String>> removed = new ArrayList<>();
      if (dc.hosts().size() == common) {
        removed.add(List.of("resources", "replicas"));
      } else {
        set.put(List.of("resources", "replicas"), dc.hosts().size());
      }
      out.add(new Fragment(Repository.CHARTS, dir(setup) + "values-" + dc.name() + ".yaml",
          new YamlKeys(set, removed, "# " + dc.name() + " settings of " + setup.service().name() + ".\n")));
    }
    // The node companions tolerate the hosts' taints in their own values: mw-experimental's
    // entries are those tolerating a value of its taints, its label or its name.
    java.util.Set<String> owned = new java.util.TreeSet<>();
    setup.scheduling().taints().forEach(t -> owned.add(t.value()));
    owned.add(setup.scheduling().nodeLabel().value());
    owned.add(setup.service().name());
    for (dev.mwexp.model.Companion c : setup.scheduling().companions()) {
      out.add(new Fragment(Repository.CHARTS, c.values(),
          new dev.mwexp.fragment.Merge.IfExists(
              new dev.mwexp.format.yaml.YamlListItems(List.of("tolerations"), "value", owned, Workload.tolerations(setup, false)))));
    }
    out.addAll(admission(setup));
    return out;
  }

  @Override
  public List<dev.mwexp.fragment.OptInChange> optInChanges(Setup setup) {
    return List.of(new dev.mwexp.fragment.OptInChange(TrafficPolicyChartChange.NAME,
        "the mediawiki chart's Service takes its traffic policies from values: a new mesh.service version,"
            + " vendored into charts/mediawiki with a version bump (every release that sets none renders as before)",
        List.of(new Fragment(Repository.CHARTS, dev.mwexp.chart.MediawikiChart.DIRECTORY,
            new TrafficPolicyChartChange()))));
  }

  /** The admission policy's allow-list file of the service's hostPath volumes. */
  public static String policyFile(Setup setup) {
    String name = "allow-hostpath-" + setup.service().name();
    return "charts/validating-admission-policies/templates/custom-policies/" + name + "/" + name + ".yaml";
  }

  /** admin_ng's values, which give each namespace its labels. */
  public static final String NAMESPACES_FILE = "helmfile.d/admin_ng/values/main.yaml";

  /**
   * What admits the pods: the policy allows exactly the host paths they mount (the code and the
   * chart's GeoIP databases), and the namespace's labels let hostPath volumes through the Pod
   * Security policies and bind the allow-list policy to it.
   */
  static List<Fragment> admission(Setup setup) {
    List<String> paths = new ArrayList<>(dev.mwexp.model.Service.CHART_HOST_PATHS);
    paths.add(setup.service().mountPath());
    Map<List<String>, Object> labels = new LinkedHashMap<>();
    List<String> at = List.of("namespaces", setup.service().namespace(), "labels");
    labels.put(child(at, "pod-security.wmf.org/disallow-host-path"), "exclude");
    labels.put(child(at, "pod-security.wmf.org/allow-hostpath-" + setup.service().name()), "include");
    return List.of(
        new Fragment(Repository.CHARTS, policyFile(setup),
            new dev.mwexp.fragment.Merge.IfExists(new dev.mwexp.format.cel.HostPathAllowList(paths))),
        new Fragment(Repository.CHARTS, NAMESPACES_FILE,
            new dev.mwexp.fragment.Merge.IfExists(new YamlKeys(labels, List.of(), ""))));
  }

  private static List<String> child(List<String> path, String key) {
    List<String> out = new ArrayList<>(path);
    out.add(key);
    return out;
  }

  /** The required anti-affinity term that keeps the service's pods on distinct hosts. */
  static Map<String, Object> oneTermPerHost(Setup setup) {
    Map<String, Object> matchLabels = new LinkedHashMap<>();
    matchLabels.put("app", "mediawiki");
    matchLabels.put("deployment", setup.service().namespace());
    Map<String, Object> term = new LinkedHashMap<>();
    term.put("labelSelector", new LinkedHashMap<>(Map.of("matchLabels", matchLabels)));
    term.put("topologyKey", "kubernetes.io/hostname");
    return term;
  }

  /** The keys every datacenter shares, as the chart names them. */
  static Map<List<String>, Object> shared(Setup setup) {
    Map<List<String>, Object> values = new LinkedHashMap<>();
    values.put(List.of("strategy", "type"), "Recreate");
    values.put(List.of("strategy", "rollingUpdate"), null);
    values.put(List.of("mesh", "public_port"), setup.service().port());
    // Each host's debug backend must reach that host's pod, never be forwarded to another host's.
    // mesh.service reads these from the version the opt-in chart change adds; older ones ignore them.
    values.put(List.of("mesh", dev.mwexp.chart.MediawikiChart.EXTERNAL_TRAFFIC_POLICY), "Local");
    values.put(List.of("mesh", dev.mwexp.chart.MediawikiChart.INTERNAL_TRAFFIC_POLICY), "Local");
    Resources r = setup.service().resources();
    values.put(List.of("main_app", "requests", "auto_compute"), false);
    values.put(List.of("main_app", "requests", "cpu"), r.requests().cpu());
    values.put(List.of("main_app", "requests", "memory"), r.requests().memory());
    values.put(List.of("main_app", "limits", "enforce"), false);
    values.put(List.of("main_app", "limits", "auto_compute"), false);
    values.put(List.of("main_app", "limits", "cpu"), r.limits().cpu());
    values.put(List.of("main_app", "limits", "memory"), r.limits().memory());
    values.put(List.of("php", "devel_mode"), setup.service().php().develMode());
    values.put(List.of("mw", "experimental", "enabled"), true);
    values.put(List.of("tolerations"), new ArrayList<Object>(Workload.tolerations(setup, false)));
    Map<String, Object> selector = new LinkedHashMap<>();
    selector.put(setup.scheduling().nodeLabel().key(), setup.scheduling().nodeLabel().value());
    values.put(List.of("affinity", "nodeSelector"), selector);
    // The chart writes .Values.affinity into the pod spec as it is (deployment.yaml.tpl), so the
    // pod's own affinity sits one level down: no two of the service's pods on one host.
    values.put(List.of("affinity", "affinity", "podAntiAffinity", "requiredDuringSchedulingIgnoredDuringExecution"),
        new ArrayList<Object>(List.of(oneTermPerHost(setup))));
    return values;
  }
}
