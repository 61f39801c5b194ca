package dev.mwexp.k8s;

import dev.mwexp.model.Datacenter;
import dev.mwexp.model.Scheduling;
import dev.mwexp.model.Setup;
import dev.mwexp.model.Taint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MediaWiki workload of one datacenter: exactly one pod on each dedicated host. A Deployment
 * gets replicas = hosts, Recreate (a second pod could never be scheduled beside the first) and a
 * required anti-affinity on the hostname; a DaemonSet gets one pod per matching node by itself.
 */
final class Workload {

  static final String CODE_VOLUME = "mediawiki-code";
  static final String PHP_VOLUME = "php-overrides";

  private Workload() {}

  static Map<String, Object> manifest(Setup setup, Datacenter dc) {
    boolean deployment = setup.scheduling().workload() == Scheduling.Workload.DEPLOYMENT;
    Map<String, Object> spec = new LinkedHashMap<>();
    if (deployment) {
      spec.put("replicas", dc.hosts().size());
      spec.put("strategy", Map.of("type", "Recreate"));
    } else {
      spec.put("updateStrategy", Map.of("type", "OnDelete"));
    }
    spec.put("selector", Map.of("matchLabels", Labels.selector(setup)));
    Map<String, Object> template = new LinkedHashMap<>();
    Map<String, Object> podMetadata = new LinkedHashMap<>();
    podMetadata.put("labels", Labels.all(setup));
    if (setup.service().observability().prometheusScrape()) {
      Map<String, Object> annotations = new LinkedHashMap<>();
      annotations.put("prometheus.io/port", String.valueOf(setup.service().observability().metricsPort()));
      annotations.put("prometheus.io/scrape", "true");
      podMetadata.put("annotations", annotations);
    }
    template.put("metadata", podMetadata);
    template.put("spec", podSpec(setup, deployment));
    spec.put("template", template);

    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("apiVersion", "apps/v1");
    doc.put("kind", setup.scheduling().workload().kind());
    doc.put("metadata", Labels.metadata(setup, setup.service().name()));
    doc.put("spec", spec);
    return doc;
  }

  private static Map<String, Object> podSpec(Setup setup, boolean deployment) {
    Map<String, Object> pod = new LinkedHashMap<>();
    pod.put("nodeSelector", Map.of(setup.scheduling().nodeLabel().key(), setup.scheduling().nodeLabel().value()));
    pod.put("tolerations", tolerations(setup, true));
    if (deployment) {
      Map<String, Object> term = new LinkedHashMap<>();
      term.put("labelSelector", Map.of("matchLabels", Labels.selector(setup)));
      term.put("topologyKey", "kubernetes.io/hostname");
      pod.put("affinity", Map.of("podAntiAffinity", Map.of("requiredDuringSchedulingIgnoredDuringExecution", List.of(term))));
    }
    pod.put("containers", List.of(container(setup)));
    pod.put("volumes", List.of(
        volume(CODE_VOLUME, "hostPath", hostPath(setup)),
        volume(PHP_VOLUME, "configMap", Map.of("name", PhpConfigMap.name(setup)))));
    return pod;
  }

  private static Map<String, Object> hostPath(Setup setup) {
    Map<String, Object> hostPath = new LinkedHashMap<>();
    hostPath.put("path", setup.service().mountPath());
    // Directory: the pod must not start (nor create an empty tree) where Puppet has not made it.
    hostPath.put("type", "Directory");
    return hostPath;
  }

  private static Map<String, Object> volume(String name, String kind, Object source) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", name);
    v.put(kind, source);
    return v;
  }

  private static Map<String, Object> container(Setup setup) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", "mediawiki");
    c.put("image", setup.service().image());
    c.put("env", List.of(
        env("PHP_INI_SCAN_DIR", ":" + PhpConfigMap.MOUNT_DIR),
        env("SERVERGROUP", setup.service().servergroup())));
    Map<String, Object> port = new LinkedHashMap<>();
    port.put("name", "http");
    port.put("containerPort", setup.service().port());
    port.put("protocol", "TCP");
    c.put("ports", List.of(port));
    Map<String, Object> resources = new LinkedHashMap<>();
    resources.put("requests", quantities(setup.service().resources().requests()));
    resources.put("limits", quantities(setup.service().resources().limits()));
    c.put("resources", resources);
    // The host's tree is mounted over the image's copy, at the same path, so edits show at once.
    c.put("volumeMounts", List.of(
        mount(CODE_VOLUME, setup.service().mountPath(), false),
        mount(PHP_VOLUME, PhpConfigMap.MOUNT_DIR, true)));
    return c;
  }

  private static Map<String, Object> quantities(dev.mwexp.model.Resources.Quantities q) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cpu", q.cpu());
    out.put("memory", q.memory());
    return out;
  }

  private static Map<String, Object> env(String name, String value) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("name", name);
    e.put("value", value);
    return e;
  }

  private static Map<String, Object> mount(String name, String path, boolean readOnly) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("mountPath", path);
    if (readOnly) {
      m.put("readOnly", true);
    }
    return m;
  }

  /**
   * A toleration of each of the hosts' taints: the one list the manifests and the charts' values
   * (the release's and the node companions') share. A manifest spells out {@code operator: Equal};
   * the values files, like the real ones, leave it to the chart's default.
   */
  static List<Map<String, Object>> tolerations(Setup setup, boolean explicitOperator) {
    List<Map<String, Object>> tolerations = new ArrayList<>();
    for (Taint taint : setup.scheduling().taints()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("key", taint.key());
      if (explicitOperator) {
        t.put("operator", "Equal");
      }
      t.put("value", taint.value());
      t.put("effect", taint.effect().kubernetesName());
      tolerations.add(t);
    }
    return tolerations;
  }
}
