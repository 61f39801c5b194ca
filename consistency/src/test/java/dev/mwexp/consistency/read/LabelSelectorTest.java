package dev.mwexp.consistency.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Label selectors as the API server reads a binding's namespaceSelector. */
class LabelSelectorTest {

  private static final Map<String, String> LABELS = Map.of("profile", "restricted", "ban", "exclude");

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void everyRequirementMustHold() throws Exception {
    assertThat(LabelSelector.matches(json("{}"), LABELS)).isTrue();
    assertThat(LabelSelector.matches(json("{\"matchLabels\": {\"profile\": \"restricted\"}}"), LABELS)).isTrue();
    assertThat(LabelSelector.unmet(json("{\"matchLabels\": {\"profile\": \"baseline\"}}"), LABELS))
        .contains(new LabelSelector.Requirement("profile", "profile=baseline"));
    JsonNode binding = json("{\"matchExpressions\": [{\"key\": \"profile\", \"operator\": \"In\", \"values\":"
        + " [\"baseline\", \"restricted\"]}, {\"key\": \"ban\", \"operator\": \"NotIn\", \"values\": [\"exclude\"]}]}");
    assertThat(LabelSelector.unmet(binding, LABELS).orElseThrow().text()).isEqualTo("ban NotIn [exclude]");
    assertThat(LabelSelector.matches(binding, Map.of("profile", "baseline"))).as("NotIn holds where the key is absent")
        .isTrue();
  }

  @Test
  void existsAndDoesNotExistLookAtKeysOnly() throws Exception {
    assertThat(LabelSelector.matches(json("{\"matchExpressions\": [{\"key\": \"ban\", \"operator\": \"Exists\"}]}"),
        LABELS)).isTrue();
    assertThat(LabelSelector.unmet(json("{\"matchExpressions\": [{\"key\": \"ban\", \"operator\": \"DoesNotExist\"}]}"),
        LABELS).orElseThrow().text()).isEqualTo("ban DoesNotExist");
    assertThat(LabelSelector.matches(json("{\"matchExpressions\": [{\"key\": \"ban\", \"operator\": \"Gt\"}]}"),
        LABELS)).as("an operator the API server refuses selects nothing").isFalse();
  }
}
