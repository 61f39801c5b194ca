package dev.mwexp.fragment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A repository names its CLI option, Maven parameter and marker itself, as the plugin's fields spell them. */
class RepositoryTest {

  @Test
  void optionsAndParametersAreTheOnesUsersType() {
    assertThat(Arrays.stream(Repository.values()).map(r -> "--" + r.option()))
        .containsExactly("--puppet", "--charts", "--dns", "--mediawiki-config");
    assertThat(Arrays.stream(Repository.values()).map(Repository::mavenParameter))
        .containsExactly("puppetDirectory", "chartsDirectory", "dnsDirectory", "mediawikiConfigDirectory");
    assertThat(Arrays.stream(Repository.values()).map(Repository::marker))
        .containsExactly("manifests", "helmfile.d", "templates", "wmf-config");
  }
}
