package dev.mwexp.fragment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** YamlKeys and Target write their equals and hashCode out (start-up); they stay value equality. */
class MergeValuesTest {

  @Test
  void yamlKeysAreEqualByTheirThreeComponents() {
    Map<List<String>, Object> set = new LinkedHashMap<>();
    set.put(List.of("profile::kubernetes::node::mw_experimental"), true);
    Merge.YamlKeys a = new Merge.YamlKeys(set, List.of(List.of("old")), "");
    Merge.YamlKeys b = new Merge.YamlKeys(new LinkedHashMap<>(set), List.of(List.of("old")), "");

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new Merge.YamlKeys(Map.of(), List.of(List.of("old")), ""));
    assertThat(a).isNotEqualTo(new Merge.YamlKeys(set, List.of(), ""));
    assertThat(a).isNotEqualTo(new Merge.YamlKeys(set, List.of(List.of("old")), "# seed\n"));
    assertThat(a).isNotEqualTo(new Merge.OwnedFile(""));
    assertThat(new Merge.YamlKeys(set, List.of(), null)).isEqualTo(new Merge.YamlKeys(set, List.of(), null));
  }

  @Test
  void targetsAreEqualByHostAndPort() {
    Merge.Target a = new Merge.Target("mw-experimental.discovery.wmnet", 30443);

    assertThat(a).isEqualTo(new Merge.Target("mw-experimental.discovery.wmnet", 30443))
        .hasSameHashCodeAs(new Merge.Target("mw-experimental.discovery.wmnet", 30443));
    assertThat(a).isNotEqualTo(new Merge.Target("mw-experimental.discovery.wmnet", 30444));
    assertThat(a).isNotEqualTo(new Merge.Target("k8s-mw-experimental-codfw.wmnet", 30443));
    assertThat(new Merge.Target(null, 1)).isEqualTo(new Merge.Target(null, 1)).isNotEqualTo(a);
  }
}
