package dev.mwexp.consistency.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mwexp.consistency.facts.Toleration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small readings of YAML trees shared by the manifest and helm-values readers. */
final class Nodes {

  private Nodes() {}

  static Optional<String> text(JsonNode node, String field) {
    return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
  }

  /** A string-to-string mapping (labels, selectors), in document order. */
  static Map<String, String> strings(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  /** A pod spec's (or the chart's) tolerations; operator Equal unless given. */
  static List<Toleration> tolerations(JsonNode list) {
    List<Toleration> out = new ArrayList<>();
    for (JsonNode t : list) {
      out.add(new Toleration(t.path("key").asText(""), t.path("operator").asText("Equal"),
          t.path("value").asText(""), t.path("effect").asText("")));
    }
    return out;
  }
}
