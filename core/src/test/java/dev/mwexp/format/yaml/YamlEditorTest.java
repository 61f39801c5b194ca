package dev.mwexp.format.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.fragment.Merge;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlEditorTest {

  private static Merge.YamlKeys set(String key, Object value) {
    return new Merge.YamlKeys(Map.of(List.of(key), value), List.of(), "");
  }

  @Test
  void aValueEqualAsYaml11ReadsItIsLeftAsWritten() throws Exception {
    String file = "# hosts\nprofile::mw_experimental: yes   # on\nreplicas: 0x2\nother: 1\n";

    assertThat(YamlEditor.apply(file, set("profile::mw_experimental", true))).isEqualTo(file);
    assertThat(YamlEditor.apply(file, set("replicas", 2))).isEqualTo(file);
  }

  @Test
  void aDifferentValueReplacesOnlyItsEntry() throws Exception {
    String file = "# hosts\nprofile::mw_experimental: no\nother: 1\n";

    assertThat(YamlEditor.apply(file, set("profile::mw_experimental", true)))
        .isEqualTo("# hosts\nprofile::mw_experimental: true\nother: 1\n");
  }

  @Test
  void infinityOrNanWhereMwexpWritesANumberIsReplacedNotACrash() throws Exception {
    for (String odd : List.of(".inf", "-.Inf", ".NaN")) {
      String file = "port: " + odd + "\nother: 1\n";

      assertThat(YamlEditor.apply(file, set("port", 30443))).isEqualTo("port: 30443\nother: 1\n");
      assertThat(YamlEditor.get(file, List.of("port"))).get().isInstanceOf(Double.class);
    }
  }

  @Test
  void severalKeysAndARemovalInOneApply() throws Exception {
    String file = "# host\na: 1\nb:\n  c: 2\nold: x\nz: 9\n";
    Map<List<String>, Object> set = new java.util.LinkedHashMap<>();
    set.put(List.of("a"), 1);
    set.put(List.of("b", "c"), 3);
    set.put(List.of("b", "d"), "new");
    set.put(List.of("n"), List.of("x", "y"));

    assertThat(YamlEditor.apply(file, new Merge.YamlKeys(set, List.of(List.of("old")), "")))
        // n and y are YAML 1.1 booleans, so the writer quotes them.
        .isEqualTo("# host\na: 1\nb:\n  c: 3\n  d: new\nz: 9\n\"n\":\n  - x\n  - \"y\"\n");
  }

  @Test
  void aValueThatIsAnAliasComparesAsWhatItStandsFor() throws Exception {
    String file = "base: &p 30443\nport: *p\n";

    assertThat(YamlEditor.apply(file, set("port", 30443))).isEqualTo(file);
  }
}
