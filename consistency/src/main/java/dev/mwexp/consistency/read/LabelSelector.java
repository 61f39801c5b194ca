package dev.mwexp.consistency.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Kubernetes label selector ({@code matchLabels}, {@code matchExpressions} with In, NotIn,
 * Exists and DoesNotExist), as k8s.io/apimachinery's metav1.LabelSelectorAsSelector reads it: every
 * requirement must hold; NotIn holds where the key is absent; an empty or missing selector selects
 * everything.
 */
public final class LabelSelector {

  private LabelSelector() {}

  /** Whether {@code selector} (a LabelSelector as a manifest writes it) selects an object with {@code labels}. */
  public static boolean matches(JsonNode selector, Map<String, String> labels) {
    return unmet(selector, labels).isEmpty();
  }

  /** A requirement of a selector: the label it reads, and the whole requirement ({@code key In [a, b]}). */
  public record Requirement(String key, String text) {}

  /** The first requirement of {@code selector} that {@code labels} do not meet. */
  public static Optional<Requirement> unmet(JsonNode selector, Map<String, String> labels) {
    for (Map.Entry<String, JsonNode> e : selector.path("matchLabels").properties()) {
      if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
        return Optional.of(new Requirement(e.getKey(), e.getKey() + "=" + e.getValue().asText()));
      }
    }
    for (JsonNode r : selector.path("matchExpressions")) {
      String key = r.path("key").asText();
      List<String> values = new ArrayList<>();
      r.path("values").forEach(v -> values.add(v.asText()));
      String operator = r.path("operator").asText();
      boolean holds = switch (operator) {
        case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
        case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
        case "Exists" -> labels.containsKey(key);
        case "DoesNotExist" -> !labels.containsKey(key);
        // The API server refuses any other operator: a selector it would not store selects nothing here.
        default -> false;
      };
      if (!holds) {
        return Optional.of(new Requirement(key, key + " " + operator + (values.isEmpty() ? "" : " " + values)));
      }
    }
    return Optional.empty();
  }
}
