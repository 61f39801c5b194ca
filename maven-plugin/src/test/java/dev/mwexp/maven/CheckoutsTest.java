package dev.mwexp.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.fragment.Repository;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** The plugin's checkouts come from the repositories' registry, not from a field per repository. */
class CheckoutsTest {

  private static final Path BASE = Path.of("/project");

  @Test
  void configuredByOptionNameAndOverriddenByTheCommandLine() throws Exception {
    Properties props = new Properties();
    props.setProperty("mwexp.dnsDirectory", "../dns-from-cli");

    Map<Repository, Path> roots = Checkouts.of(
        Map.of("puppet", new File("../puppet"), "dns", new File("../dns"), "mediawiki-config", new File("/abs/mwc")), props,
        BASE, "sync");

    assertThat(roots).containsExactly(
        Map.entry(Repository.PUPPET, BASE.resolve("../puppet")),
        Map.entry(Repository.DNS, BASE.resolve("../dns-from-cli")),
        Map.entry(Repository.MEDIAWIKI_CONFIG, Path.of("/abs/mwc")));
  }

  @Test
  void aKeyNamingNoRepositoryIsAnErrorListingTheValidOnes() {
    assertThatThrownBy(() -> Checkouts.of(Map.of("puppetDirectory", new File("../puppet")), new Properties(), BASE, "check"))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("mwexp:check: <checkouts> names no repository: <puppetDirectory>; valid: <puppet>, <charts>, <dns>,"
            + " <mediawiki-config>, <alerts>");
  }

  @Test
  void noCheckoutAtAllNamesHowToGiveOne() {
    assertThatThrownBy(() -> Checkouts.of(Map.of(), new Properties(), BASE, "sync"))
        .hasMessage("mwexp:sync has no checkout to work on; set at least one of <checkouts><puppet>, <checkouts><charts>,"
            + " <checkouts><dns>, <checkouts><mediawiki-config>, <checkouts><alerts>, e.g. -Dmwexp.puppetDirectory=../puppet");
  }

  @Test
  void thePlugInRepositoryTakesItsCheckoutLikeTheOthers() throws Exception {
    Properties props = new Properties();
    props.setProperty("mwexp.alertsDirectory", "../alerts");
    Map<Repository, Path> roots = Checkouts.of(Map.of(), props, BASE, "check");
    assertThat(roots).hasSize(1);
    Map.Entry<Repository, Path> alerts = roots.entrySet().iterator().next();
    assertThat(alerts.getKey().project()).isEqualTo("operations/alerts");
    assertThat(alerts.getKey().mavenParameter()).isEqualTo("alertsDirectory");
    assertThat(alerts.getValue()).isEqualTo(BASE.resolve("../alerts"));
  }
}
