package dev.mwexp.consistency;

import dev.cel.common.values.NullValue;
import dev.mwexp.consistency.facts.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The objects a policy's expressions see when a pod is created, as far as mwexp knows them. */
final class AdmissionRequest {

  /** Every namespace carries its name as a label (Kubernetes 1.21 and later). */
  private static final String NAME_LABEL = "kubernetes.io/metadata.name";

  private AdmissionRequest() {}

  /**
   * A pod being created in {@code namespace}: {@code object} is the pod, in that namespace;
   * {@code oldObject} and {@code params} (no paramKind) are null; {@code namespaceObject} has the
   * namespace's labels, with its name's.
   */
  static Map<String, Object> activation(Map<String, Object> pod, String namespace, Map<String, String> labels) {
    Map<String, Object> object = new LinkedHashMap<>(pod);
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) pod.getOrDefault("metadata", Map.of()));
    metadata.put("namespace", namespace);
    object.put("metadata", metadata);
    Map<String, String> namespaceLabels = namespaceLabels(namespace, labels);
    Map<String, Object> activation = new HashMap<>();
    activation.put(AdmissionCel.OBJECT, object);
    activation.put(AdmissionCel.OLD_OBJECT, NullValue.NULL_VALUE);
    activation.put(AdmissionCel.PARAMS, NullValue.NULL_VALUE);
    activation.put(AdmissionCel.REQUEST, Map.of("operation", "CREATE", "namespace", namespace,
        "kind", Map.of("group", "", "version", "v1", "kind", "Pod"),
        "resource", Map.of("group", "", "version", "v1", "resource", "pods")));
    activation.put(AdmissionCel.NAMESPACE_OBJECT, Map.of("metadata", Map.of("name", namespace,
        "labels", namespaceLabels)));
    return activation;
  }

  /** A namespace's labels as the API server holds them: admin_ng's, and its name's. */
  static Map<String, String> namespaceLabels(String namespace, Map<String, String> labels) {
    Map<String, String> all = new TreeMap<>(labels);
    all.put(NAME_LABEL, namespace);
    return all;
  }

  /**
   * The pod as the checkouts describe it: its labels, its hostPath volumes (by volume name), and
   * the MediaWiki container's mounts of them. What they do not say (container names, images, the
   * chart's other volumes) is left out, so an expression that reads it errs and is reported.
   */
  static Map<String, Object> pod(Workload w, Map<String, String> hostPaths) {
    List<Object> volumes = new ArrayList<>();
    List<Object> mounts = new ArrayList<>();
    hostPaths.forEach((name, path) -> {
      volumes.add(Map.of("name", name, "hostPath", Map.of("path", path)));
      mounts.add(Map.of("name", name, "mountPath", w.hostPaths().getOrDefault(path, path)));
    });
    return Map.of("metadata", Map.of("labels", w.podLabels()),
        "spec", Map.of("volumes", volumes, "containers", List.of(Map.of("volumeMounts", mounts))));
  }
}
