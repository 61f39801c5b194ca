package dev.mwexp.consistency.read;

import dev.mwexp.chart.MediawikiChart;
import dev.mwexp.format.yaml.YamlDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mwexp.consistency.facts.ServiceFact;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.consistency.facts.Toleration;
import dev.mwexp.consistency.facts.Workload;
import dev.mwexp.files.SafeTree;
import dev.mwexp.files.TreeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Facts from Wikimedia helmfile values for the {@code mediawiki} chart: {@code values.yaml} merged
 * with each {@code values-<dc>.yaml}, read with the chart's meaning — a Deployment of
 * {@code resources.replicas} pods selecting {@code affinity.nodeSelector}, a NodePort Service on
 * {@code mesh.public_port}, {@code /srv/mediawiki} mounted from the host when
 * {@code mw.experimental.enabled}. What the chart renders the same for every release (the Service
 * selecting the release's pods) is taken as given.
 */
public final class HelmValuesReader {

  /** Where the chart mounts the host's code when {@code mw.experimental.enabled}. */
  static final String CHART_MOUNT_PATH = "/srv/mediawiki";

  /** helmfile installs the chart's Service and pods into one namespace. */
  private static final String CHART_NAMESPACE = "(the release's namespace)";

  private HelmValuesReader() {}

  /** A value that would not survive helm's merge: what the chart needs, what the layers give, where. */
  public record Finding(String key, String expected, String actual, Source source) {}

  /**
   * Reads the values in helmfile's order — {@code global.yaml} (a link to the common file),
   * {@code values.yaml}, {@code global-<dc>.yaml}, {@code values-<dc>.yaml} — for each datacenter
   * a {@code values-<dc>.yaml} or {@code global-<dc>.yaml} names, and returns what the merge breaks.
   */
  public static List<Finding> read(SafeTree tree, Path serviceDir, KubernetesReader into) throws TreeException {
    List<YamlDocument> base = new ArrayList<>();
    for (String name : List.of("global.yaml", "values.yaml")) {
      Path file = serviceDir.resolve(name);
      if (tree.exists(file)) {
        base.addAll(YamlDocument.read(tree, file));
      }
    }
    java.util.TreeSet<String> dcs = new java.util.TreeSet<>();
    for (Path p : tree.list(serviceDir)) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:values|global)-([a-z0-9]+)\\.yaml")
          .matcher(p.getFileName().toString());
      if (m.matches()) {
        dcs.add(m.group(1));
      }
    }
    Optional<Source> policiesIgnored = policiesIgnored(tree, serviceDir);
    List<Finding> findings = new ArrayList<>();
    for (String dc : dcs) {
      List<YamlDocument> layers = new ArrayList<>(base);
      for (String name : List.of("global-" + dc + ".yaml", "values-" + dc + ".yaml")) {
        Path file = serviceDir.resolve(name);
        if (tree.exists(file)) {
          layers.addAll(YamlDocument.read(tree, file));
        }
      }
      add(dc, layers, policiesIgnored, into);
      findings.addAll(findings(dc, layers));
    }
    return findings;
  }

  /** What helm's merge does to the keys mw-experimental depends on. */
  private static List<Finding> findings(String dc, List<YamlDocument> layers) {
    JsonNode values = merged(layers);
    List<Finding> out = new ArrayList<>();
    JsonNode strategy = values.path("strategy");
    if (strategy.path("type").asText("").equals("Recreate") && !strategy.path("rollingUpdate").isMissingNode()
        && !strategy.path("rollingUpdate").isNull()) {
      out.add(new Finding(dc + " strategy.rollingUpdate", "~ (Kubernetes rejects rollingUpdate with Recreate)",
          strategy.path("rollingUpdate").toString(), sourceOf(layers, "/strategy/rollingUpdate")));
    }
    for (String pointer : List.of("/main_app/requests/auto_compute", "/main_app/limits/auto_compute", "/main_app/limits/enforce")) {
      JsonNode v = values.at(pointer);
      if (v.asBoolean(false)) {
        out.add(new Finding(dc + " " + pointer.substring(1).replace('/', '.'),
            "false, or the common file's computed resources replace the service's", v.toString(), sourceOf(layers, pointer)));
      }
    }
    return out;
  }

  /**
   * Whether the pods keep apart by host: the chart writes {@code .Values.affinity} into the pod
   * spec as it is, so the pod's affinity is {@code affinity.affinity}.
   */
  private static boolean hostnameAntiAffinity(JsonNode values) {
    for (JsonNode term : values.path("affinity").path("affinity").path("podAntiAffinity")
        .path("requiredDuringSchedulingIgnoredDuringExecution")) {
      if (term.path("topologyKey").asText("").equals("kubernetes.io/hostname")) {
        return true;
      }
    }
    return false;
  }

  private static void add(String dc, List<YamlDocument> layers, Optional<Source> policiesIgnored,
      KubernetesReader into) {
    JsonNode values = merged(layers);
    Source source = sourceOf(layers, "/resources/replicas");
    Map<String, String> nodeSelector = Nodes.strings(values.path("affinity").path("nodeSelector"));
    List<Toleration> tolerations = Tolerations.of(values.path("tolerations"));
    Map<String, String> hostPaths = new LinkedHashMap<>();
    if (values.path("mw").path("experimental").path("enabled").asBoolean(false)) {
      hostPaths.put(CHART_MOUNT_PATH, CHART_MOUNT_PATH);
    }
    Map<String, String> podLabels = Map.of("app", "mediawiki", "release", "helm");
    into.addWorkload(new Workload(
        dc,
        CHART_NAMESPACE,
        "Deployment",
        Optional.of(values.path("resources").path("replicas").asInt(1)),
        hostnameAntiAffinity(values),
        nodeSelector,
        tolerations,
        hostPaths,
        Nodes.text(values.path("php"), "servergroup"),
        values.path("mesh").has("public_port") ? Optional.of(values.path("mesh").path("public_port").asInt()) : Optional.empty(),
        Optional.empty(),
        podLabels,
        source,
        Map.of(
            "nodeSelector", sourceOf(layers, "/affinity/nodeSelector"),
            "tolerations", sourceOf(layers, "/tolerations"),
            "replicas", sourceOf(layers, "/resources/replicas"),
            "hostPaths", sourceOf(layers, "/mw/experimental/enabled"),
            "port", sourceOf(layers, "/mesh/public_port"))));
    // mesh.service reads the policies from these keys once the chart change vendored it.
    JsonNode mesh = values.path("mesh");
    String external = "/mesh/" + MediawikiChart.EXTERNAL_TRAFFIC_POLICY;
    into.addService(new ServiceFact(
        dc,
        CHART_NAMESPACE,
        "mesh",
        "NodePort",
        mesh.has("public_port") ? Optional.of(mesh.path("public_port").asInt()) : Optional.empty(),
        // The chart's Service targets the pod's own TLS port, which the values do not name.
        Optional.empty(),
        sourceOf(layers, "/mesh/public_port"),
        policiesIgnored.isPresent() ? Optional.empty() : Nodes.text(mesh, MediawikiChart.INTERNAL_TRAFFIC_POLICY),
        policiesIgnored.isPresent() ? Optional.empty() : Nodes.text(mesh, MediawikiChart.EXTERNAL_TRAFFIC_POLICY),
        podLabels,
        sourceOf(layers, mesh.has(MediawikiChart.EXTERNAL_TRAFFIC_POLICY) ? external : "/mesh/public_port"),
        policiesIgnored));
  }

  /**
   * The vendored {@code mesh.service} of the chart a service directory's releases use, when it sets
   * no traffic policy from values; empty when it does, or when the checkout has no such chart
   * (values are then taken as the chart would read them).
   */
  static Optional<Source> policiesIgnored(SafeTree tree, Path serviceDir) throws TreeException {
    Path services = serviceDir.getParent();
    Path helmfiles = services == null ? null : services.getParent();
    if (helmfiles == null || helmfiles.getParent() == null) {
      return Optional.empty();
    }
    Path vendored = helmfiles.getParent().resolve(MediawikiChart.VENDORED_MESH);
    if (!tree.isDirectory(vendored)) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (Path p : tree.list(vendored)) {
      names.add(p.getFileName().toString());
    }
    List<String> modules = MediawikiChart.serviceModules(names);
    if (modules.isEmpty()) {
      return Optional.empty();
    }
    Path file = vendored.resolve(modules.get(modules.size() - 1));
    String text = tree.read(file);
    if (MediawikiChart.readsTrafficPolicies(text)) {
      return Optional.empty();
    }
    java.util.regex.Matcher type = MediawikiChart.SERVICE_TYPE_LINE.matcher(text);
    return Optional.of(Source.of(tree.name(file), type.find() ? dev.mwexp.format.Lines.number(text, type.start()) : 1));
  }

  /** Later layers override earlier ones, maps merged deeply, lists replaced (as helm does). */
  private static JsonNode merged(List<YamlDocument> layers) {
    ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    for (YamlDocument layer : layers) {
      merge(out, layer.root());
    }
    return out;
  }

  private static void merge(ObjectNode into, JsonNode from) {
    from.fields().forEachRemaining(e -> {
      JsonNode existing = into.get(e.getKey());
      if (existing instanceof ObjectNode target && e.getValue().isObject()) {
        merge(target, e.getValue());
      } else {
        into.set(e.getKey(), e.getValue().deepCopy());
      }
    });
  }

  /** The last layer that sets the pointer, else the first layer's top. */
  private static Source sourceOf(List<YamlDocument> layers, String pointer) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      if (!layers.get(i).root().at(pointer).isMissingNode()) {
        return Source.at(layers.get(i), pointer);
      }
    }
    return layers.isEmpty() ? Source.of("values.yaml", 0) : Source.at(layers.get(0), "");
  }
}
