package dev.mwexp.tests.chart;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes label selector ({@code matchLabels}, {@code matchExpressions} with In, NotIn,
 * Exists and DoesNotExist), as k8s.io/apimachinery's metav1.LabelSelectorAsSelector reads it: every
 * requirement must hold; NotIn holds where the key is absent; an empty or missing selector selects
 * everything.
 */
final class LabelSelector {

  private LabelSelector() {}

  static boolean matches(JsonNode selector, Map<String, String> labels) {
    for (Map.Entry<String, JsonNode> e : selector.path("matchLabels").properties()) {
      if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (JsonNode r : selector.path("matchExpressions")) {
      String key = r.path("key").asText();
      Set<String> values = new HashSet<>();
      r.path("values").forEach(v -> values.add(v.asText()));
      boolean holds = switch (r.path("operator").asText()) {
        case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
        case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
        case "Exists" -> labels.containsKey(key);
        case "DoesNotExist" -> !labels.containsKey(key);
        default -> throw new IllegalArgumentException("no such label selector operator: " + r.path("operator"));
      };
      if (!holds) {
        return false;
      }
    }
    return true;
  }
}
