package dev.mwexp.consistency.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mwexp.consistency.facts.Toleration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tolerations as a pod spec, a chart's values or a node companion's values list them: one reading
 * for all three, so a toleration is judged the same wherever it is written.
 */
public final class Tolerations {

  private Tolerations() {}

  /** The list's tolerations, operator Equal unless given; none when {@code list} is not a list. */
  public static List<Toleration> of(JsonNode list) {
    List<Toleration> out = new ArrayList<>();
    if (list.isArray()) {
      for (JsonNode t : list) {
        out.add(new Toleration(t.path("key").asText(""), t.path("operator").asText("Equal"),
            t.path("value").asText(""), t.path("effect").asText("")));
      }
    }
    return out;
  }
}
