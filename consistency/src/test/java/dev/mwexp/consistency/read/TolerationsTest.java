package dev.mwexp.consistency.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mwexp.consistency.facts.Toleration;
import org.junit.jupiter.api.Test;

class TolerationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsAValuesFileListWithTheOperatorLeftToKubernetesDefault() throws Exception {
    // As helmfile.d/services/mw-experimental/values.yaml lists them: no operator, so Equal.
    var list = JSON.readTree("""
        [{"key": "dedicated", "value": "mw-experimental", "effect": "NoExecute"},
         {"key": "node.kubernetes.io/unreachable", "operator": "Exists"}]""");

    assertThat(Tolerations.of(list)).containsExactly(
        new Toleration("dedicated", "Equal", "mw-experimental", "NoExecute"),
        new Toleration("node.kubernetes.io/unreachable", "Exists", "", ""));
  }

  @Test
  void aMissingOrMistypedListToleratesNothing() throws Exception {
    var values = JSON.readTree("{\"tolerations\": {\"key\": \"dedicated\"}}");

    assertThat(Tolerations.of(values.path("tolerations"))).isEmpty();
    assertThat(Tolerations.of(values.path("absent"))).isEmpty();
  }
}
