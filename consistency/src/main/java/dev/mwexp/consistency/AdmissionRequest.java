package dev.mwexp.consistency;

import dev.cel.common.values.NullValue;
import dev.mwexp.consistency.facts.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The objects the policy's expressions see, as far as the checkouts describe them. */
final class AdmissionRequest {

  private AdmissionRequest() {}

  /**
   * {@code object} is the pod, created in the namespace whose labels the link reads (the
   * service's, where helmfile installs the release): its namespace and labels, its hostPath volumes, and the MediaWiki
   * container's mounts of them. What the checkouts do not say (container names, images, the
   * chart's other volumes) is left out, so an expression that reads it errs and is reported.
   * It is being created: {@code oldObject} and {@code params} (no paramKind) are null.
   */
  static Map<String, Object> activation(Workload w, Map<String, String> hostPaths, AdmissionSource.Labels ns,
      Map<String, Object> variables) {
    List<Object> volumes = new ArrayList<>();
    List<Object> mounts = new ArrayList<>();
    hostPaths.forEach((name, path) -> {
      volumes.add(Map.of("name", name, "hostPath", Map.of("path", path)));
      mounts.add(Map.of("name", name, "mountPath", w.hostPaths().getOrDefault(path, path)));
    });
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("namespace", ns.namespace());
    metadata.put("labels", w.podLabels());
    Map<String, Object> pod = Map.of("metadata", metadata,
        "spec", Map.of("volumes", volumes, "containers", List.of(Map.of("volumeMounts", mounts))));
    Map<String, Object> activation = new HashMap<>();
    activation.put(AdmissionCel.OBJECT, pod);
    activation.put(AdmissionCel.OLD_OBJECT, NullValue.NULL_VALUE);
    activation.put(AdmissionCel.PARAMS, NullValue.NULL_VALUE);
    activation.put(AdmissionCel.REQUEST, Map.of("operation", "CREATE", "namespace", ns.namespace(),
        "kind", Map.of("group", "", "version", "v1", "kind", "Pod"),
        "resource", Map.of("group", "", "version", "v1", "resource", "pods")));
    activation.put(AdmissionCel.NAMESPACE_OBJECT, Map.of("metadata", Map.of("name", ns.namespace(),
        "labels", ns.labels().orElse(Map.of()))));
    activation.put(AdmissionCel.VARIABLES, variables);
    return activation;
  }
}
