package dev.mwexp.fragment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repository names its CLI option, Maven parameter and marker itself; plug-ins add repositories. */
class RepositoryTest {

  @Test
  void optionsAndParametersAreTheOnesUsersType() {
    assertThat(Repository.all().stream().map(r -> "--" + r.option()))
        .containsExactly("--puppet", "--charts", "--dns", "--mediawiki-config");
    assertThat(Repository.all().stream().map(Repository::mavenParameter))
        .containsExactly("puppetDirectory", "chartsDirectory", "dnsDirectory", "mediawikiConfigDirectory");
    assertThat(Repository.all().stream().map(Repository::marker))
        .containsExactly("manifests", "helmfile.d", "templates", "wmf-config");
  }

  /** Registered as a service in a class loader of the test's own making. */
  public static final class Alerts implements RepositoryProvider {
    @Override
    public List<Repository> repositories() {
      return List.of(Repository.of("alerts", "operations/alerts", "team-*"));
    }
  }

  /** Names {@code dns} a second time. */
  public static final class Clash implements RepositoryProvider {
    @Override
    public List<Repository> repositories() {
      return List.of(Repository.of("dns", "someone/else", "zones"));
    }
  }

  @Test
  void aPlugInsRepositoryComesAfterTheBuiltInOnesWithItsOptionAndParameter(@TempDir Path dir) throws IOException {
    List<Repository> all = Repositories.lookUp(loaderServing(dir, Alerts.class));

    assertThat(all.stream().map(Repository::option)).containsExactly("puppet", "charts", "dns", "mediawiki-config", "alerts");
    Repository alerts = all.get(4);
    assertThat(alerts.mavenParameter()).isEqualTo("alertsDirectory");
    assertThat(alerts.marker()).isEqualTo("team-*");
    assertThat(alerts).isEqualTo(Repository.of("alerts", "x", "y")).isNotEqualTo(Repository.DNS);
  }

  @Test
  void twoRepositoriesOfOneNameAreRefusedRatherThanOneOptionMeaningTwoCheckouts(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> Repositories.lookUp(loaderServing(dir, Clash.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two repositories named dns");
  }

  @Test
  void aDirectoryThatIsNoOptionIsRefused() {
    assertThatThrownBy(() -> Repository.of("Alerts/x", "operations/alerts", "team-*"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A class loader whose only services file names {@code provider}. */
  private static ClassLoader loaderServing(Path dir, Class<? extends RepositoryProvider> provider) throws IOException {
    Path services = dir.resolve("META-INF/services/" + RepositoryProvider.class.getName());
    Files.createDirectories(services.getParent());
    Files.writeString(services, provider.getName() + "\n");
    URL url = services.toUri().toURL();
    return new ClassLoader(RepositoryTest.class.getClassLoader()) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        return name.equals("META-INF/services/" + RepositoryProvider.class.getName())
            ? Collections.enumeration(List.of(url)) : super.getResources(name);
      }
    };
  }
}
