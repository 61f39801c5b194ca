package dev.mwexp.format.lua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Target writes its equals and hashCode out (start-up); it stays value equality. */
class TargetValuesTest {

  @Test
  void targetsAreEqualByHostAndPort() {
    Target a = new Target("mw-experimental.discovery.wmnet", 30443);

    assertThat(a).isEqualTo(new Target("mw-experimental.discovery.wmnet", 30443))
        .hasSameHashCodeAs(new Target("mw-experimental.discovery.wmnet", 30443));
    assertThat(a).isNotEqualTo(new Target("mw-experimental.discovery.wmnet", 30444));
    assertThat(a).isNotEqualTo(new Target("k8s-mw-experimental-codfw.wmnet", 30443));
    assertThat(new Target(null, 1)).isEqualTo(new Target(null, 1)).isNotEqualTo(a);
  }
}
