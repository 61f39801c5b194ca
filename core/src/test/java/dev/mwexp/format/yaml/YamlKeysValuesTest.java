package dev.mwexp.format.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.fragment.Merge;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** YamlKeys writes its equals and hashCode out (start-up); it stays value equality. */
class YamlKeysValuesTest {


  @Test
  void yamlKeysAreEqualByTheirThreeComponents() {
    Map<List<String>, Object> set = new LinkedHashMap<>();
    set.put(List.of("profile::kubernetes::node::mw_experimental"), true);
    YamlKeys a = new YamlKeys(set, List.of(List.of("old")), "");
    YamlKeys b = new YamlKeys(new LinkedHashMap<>(set), List.of(List.of("old")), "");

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new YamlKeys(Map.of(), List.of(List.of("old")), ""));
    assertThat(a).isNotEqualTo(new YamlKeys(set, List.of(), ""));
    assertThat(a).isNotEqualTo(new YamlKeys(set, List.of(List.of("old")), "# seed\n"));
    assertThat(a).isNotEqualTo(new Merge.OwnedFile(""));
    assertThat(new YamlKeys(set, List.of(), null)).isEqualTo(new YamlKeys(set, List.of(), null));
  }
}
