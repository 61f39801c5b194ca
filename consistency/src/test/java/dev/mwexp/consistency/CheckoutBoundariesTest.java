package dev.mwexp.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.fragment.Repository;
import dev.mwexp.spec.Spec;
import dev.mwexp.spec.SpecException;
import dev.mwexp.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 28, item 2: each checkout is its own boundary. Checkouts kept apart share only a parent
 * directory; a link from one of them into that parent (to a secret beside them) is refused, and
 * nothing of the secret reaches a message.
 */
class CheckoutBoundariesTest {

  @TempDir Path tmp;

  @Test
  void aLinkIntoTheSpaceBetweenCheckoutsIsRefusedAndNothingOfItIsPrinted() throws Exception {
    Map<String, Path> a = Fixtures.copy(Files.createDirectories(tmp.resolve("a")));
    Map<String, Path> b = Fixtures.copy(Files.createDirectories(tmp.resolve("b")));
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "SECRETTOKEN123\n");
    Path debugJson = b.get("mediawiki-config").resolve("debug.json");
    Files.delete(debugJson);
    Files.createSymbolicLink(debugJson, secret);
    ArtifactTrees.Builder trees = ArtifactTrees.builder();
    trees.repository(Repository.PUPPET, a.get("puppet"));
    trees.repository(Repository.CHARTS, a.get("deployment-charts"));
    trees.repository(Repository.DNS, a.get("dns"));
    trees.repository(Repository.MEDIAWIKI_CONFIG, b.get("mediawiki-config"));

    Report report = RoutingConsistency.check(trees.build(), Spec.defaultSetup());
    assertThat(report.format()).contains("UNREADABLE b/mediawiki-config/debug.json")
        .contains("is a symbolic link that leads out of the tree").doesNotContain("SECRETTOKEN123");
    assertThatThrownBy(() -> Importer.spec(trees.build())).isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).problems().toString()).doesNotContain("SECRETTOKEN123"));
  }
}
