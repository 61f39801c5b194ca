package dev.mwexp.k8s;

import dev.mwexp.model.Setup;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The labels that give the service its own metrics and logs, and the selector its pods carry. */
final class Labels {

  private Labels() {}

  /** app and release: what the Service and the anti-affinity select on. */
  static Map<String, Object> selector(Setup setup) {
    Map<String, Object> selector = new LinkedHashMap<>();
    selector.put("app", setup.service().name());
    selector.put("release", setup.service().release());
    return selector;
  }

  /** The selector plus servergroup, the model's observability labels and provenance; sorted. */
  static Map<String, Object> all(Setup setup) {
    Map<String, Object> labels = new TreeMap<>(setup.service().observability().labels());
    labels.putAll(selector(setup));
    labels.put("servergroup", setup.service().servergroup());
    labels.put("app.kubernetes.io/managed-by", "mwexp");
    return labels;
  }

  static Map<String, Object> metadata(Setup setup, String name) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("namespace", setup.service().namespace());
    metadata.put("labels", all(setup));
    return metadata;
  }
}
