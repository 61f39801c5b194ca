package dev.mwexp.format.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.fragment.MergeConflict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** mw-experimental's items of a shared list: a companion's tolerations. */
class YamlListItemsTest {

  private static Map<String, Object> toleration(String key, String value, String effect) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("key", key);
    t.put("value", value);
    t.put("effect", effect);
    return t;
  }

  private static final String COMPANION = """
      # A node-local companion (test text).
      networkpolicy:
        egress:
          enabled: true

      # It runs on the dedicated hosts too.
      tolerations:
        - key: dedicated
          value: mw-experimental
          effect: NoExecute
        - key: gpu
          value: someone-elses
          effect: NoSchedule
        - key: dedicated
          value: mw-experimental
          effect: NoSchedule
      """;

  private static YamlListItems items(Map<String, Object>... items) {
    return new YamlListItems(List.of("tolerations"), "value", Set.of("mw-experimental"), List.of(items));
  }

  @Test
  void whatAlreadyToleratesTheTaintsIsLeftByteForByte() throws Exception {
    YamlListItems same = items(toleration("dedicated", "mw-experimental", "NoExecute"),
        toleration("dedicated", "mw-experimental", "NoSchedule"));
    assertThat(same.apply(Optional.of(COMPANION))).contains(COMPANION);
  }

  @Test
  void anotherTaintReplacesOnlyMwExperimentalsItemsAndKeepsTheRest() throws Exception {
    String after = items(toleration("dedicated", "mw-experimental", "NoExecute"),
        toleration("dedicated", "mw-experimental", "PreferNoSchedule")).apply(Optional.of(COMPANION)).orElseThrow();
    assertThat(after).startsWith("# A node-local companion (test text).\nnetworkpolicy:\n  egress:\n    enabled: true\n\n"
        + "# It runs on the dedicated hosts too.\ntolerations:\n");
    Object list = YamlEditor.get(after, List.of("tolerations")).orElseThrow();
    assertThat(list).isEqualTo(List.of(toleration("gpu", "someone-elses", "NoSchedule"),
        toleration("dedicated", "mw-experimental", "NoExecute"),
        toleration("dedicated", "mw-experimental", "PreferNoSchedule")));
    assertThat(items(toleration("dedicated", "mw-experimental", "NoExecute"),
        toleration("dedicated", "mw-experimental", "PreferNoSchedule")).apply(Optional.of(after))).contains(after);
  }

  @Test
  void aMissingFileIsNotCreatedAndAMissingListIsAdded() throws Exception {
    assertThat(new dev.mwexp.fragment.Merge.IfExists(items(toleration("dedicated", "mw-experimental", "NoExecute")))
        .apply(Optional.empty())).isEmpty();
    String after = items(toleration("dedicated", "mw-experimental", "NoExecute")).apply(Optional.of("a: 1\n")).orElseThrow();
    assertThat(YamlEditor.get(after, List.of("tolerations"))).contains(List.of(toleration("dedicated", "mw-experimental",
        "NoExecute")));
    assertThat(after).startsWith("a: 1\n");
  }

  @Test
  void aValueThatIsNoListIsAConflictNotAnOverwrite() {
    assertThatThrownBy(() -> items(toleration("dedicated", "mw-experimental", "NoExecute"))
        .apply(Optional.of("tolerations: all\n"))).isInstanceOf(MergeConflict.class).hasMessageContaining("not a list");
  }
}
