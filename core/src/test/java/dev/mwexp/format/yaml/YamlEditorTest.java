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
}
