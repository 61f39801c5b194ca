package dev.mwexp.format.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.fragment.MergeConflict;
import dev.mwexp.fragment.Merge;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: another team's values never change through YAML's sharing (anchors, aliases, merge
 * keys), keys never land after a document marker, and a parse error names its line. Each result
 * is read back: every value but mwexp's is what it was.
 */
class YamlEditorSharedValuesTest {

  private static YamlKeys set(List<String> path, Object value) {
    return new YamlKeys(Map.of(path, value), List.of(), "");
  }

  private static void onlyThatChanged(String before, String after, List<String> path, Object value) throws Exception {
    Object was = YamlValues.of(YamlNodes.composer(before, new org.yaml.snakeyaml.LoaderOptions()).getSingleNode());
    Object is = YamlValues.of(YamlNodes.composer(after, new org.yaml.snakeyaml.LoaderOptions()).getSingleNode());
    @SuppressWarnings("unchecked")
    Map<String, Object> expected = deepCopy((Map<String, Object>) was);
    Map<String, Object> at = expected;
    for (String k : path.subList(0, path.size() - 1)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> next = (Map<String, Object>) at.computeIfAbsent(k, x -> new java.util.LinkedHashMap<>());
      at = next;
    }
    at.put(path.get(path.size() - 1), value);
    assertThat(YamlEditor.normalize(is)).isEqualTo(YamlEditor.normalize(expected));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> m) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> c ? deepCopy((Map<String, Object>) c) : v));
    return out;
  }

  @Test
  void anAnchoredValueAnotherKeyReusesIsAConflictNotAChangeOfBoth() {
    String file = "resources: &res\n  replicas: 1\ncanary:\n  resources: *res\n";
    assertThatThrownBy(() -> YamlEditor.apply(file, set(List.of("resources", "replicas"), 2)))
        .isInstanceOf(MergeConflict.class)
        .hasMessage("line 1: resources holds an anchor (&res) that line 4 reuses; changing it would change that key too."
            + " Give mwexp's key its own value, without the anchor, by hand");
    String scalar = "port: &p 4456\nother: *p\n";
    assertThatThrownBy(() -> YamlEditor.apply(scalar, set(List.of("port"), 4457)))
        .isInstanceOf(MergeConflict.class).hasMessageStartingWith("line 1: port holds an anchor (&p) that line 2 reuses");
  }

  @Test
  void mwexpsOwnKeyHoldingAnAliasGetsItsOwnCopy() throws Exception {
    String file = "defaults: &d\n  replicas: 1\n  hpa: false\nresources: *d\n";
    String after = YamlEditor.apply(file, set(List.of("resources", "replicas"), 2));
    assertThat(after).isEqualTo("defaults: &d\n  replicas: 1\n  hpa: false\nresources:\n  replicas: 2\n  hpa: false\n");
    onlyThatChanged(file, after, List.of("resources", "replicas"), 2);
  }

  @Test
  void aKeyComingThroughAMergeIsWrittenOutWholeSoNothingElseIsLost() throws Exception {
    String file = "defaults: &d\n  resources:\n    replicas: 1\n    hpa: true\nmain:\n  <<: *d\n  other: x\n";
    String after = YamlEditor.apply(file, set(List.of("main", "resources", "replicas"), 2));
    onlyThatChanged(file, after, List.of("main", "resources", "replicas"), 2);
    assertThat(after).startsWith("defaults: &d\n  resources:\n    replicas: 1\n    hpa: true\n");
    assertThat(YamlEditor.apply(after, set(List.of("main", "resources", "replicas"), 2))).isEqualTo(after);
  }

  @Test
  void keysNeverGoAfterADocumentEndMarker() throws Exception {
    String file = "# values\nreplicas: 1\n...\n# trailer\n";
    String after = YamlEditor.apply(file, set(List.of("php", "devel_mode"), true));
    assertThat(after).isEqualTo("# values\nreplicas: 1\nphp:\n  devel_mode: true\n...\n# trailer\n");
    onlyThatChanged(file, after, List.of("php", "devel_mode"), true);
  }

  @Test
  void aParseErrorNamesItsLine() {
    assertThatThrownBy(() -> YamlEditor.apply("a: 1\nb: [\nc: 2\n", set(List.of("a"), 2)))
        .isInstanceOf(MergeConflict.class).hasMessageStartingWith("line 4: is not YAML:");
  }

  @Test
  void lineEndingsAndAByteOrderMarkAreKept() throws Exception {
    String file = "\uFEFF# values\r\nreplicas: 1\r\nphp:\r\n  devel_mode: false\r\n";
    Map<List<String>, Object> keys = new java.util.LinkedHashMap<>();
    keys.put(List.of("php", "devel_mode"), true);
    keys.put(List.of("mw", "experimental", "enabled"), true);
    String after = YamlEditor.apply(file, new YamlKeys(keys, List.of(), ""));
    assertThat(after).isEqualTo("\uFEFF# values\r\nreplicas: 1\r\nphp:\r\n  devel_mode: true\r\n"
        + "mw:\r\n  experimental:\r\n    enabled: true\r\n");
    assertThat(YamlEditor.apply(after, new YamlKeys(keys, List.of(), ""))).isEqualTo(after);
  }
}
