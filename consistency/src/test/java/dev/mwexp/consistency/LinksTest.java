package dev.mwexp.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.spec.Spec;
import dev.mwexp.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One class per link, each saying what it judges and needs; the runner skips what cannot be judged. */
class LinksTest {

  @TempDir Path tmp;

  @Test
  void everyLinkOfTheChainHasExactlyOneCheck() {
    Set<Link> judged = new TreeSet<>();
    for (LinkCheck check : Links.ALL) {
      ChainLink about = check.getClass().getAnnotation(ChainLink.class);
      assertThat(about).as(check.getClass().getSimpleName()).isNotNull();
      assertThat(judged.add(Links.of(check))).as("two checks of " + about.value()).isTrue();
    }
    // MISSING and UNREADABLE are what reading found, not links the checks judge.
    Set<Link> all = new TreeSet<>(Link.all());
    all.removeAll(Set.of(Link.MISSING, Link.UNREADABLE));
    assertThat(judged).isEqualTo(all);
  }

  @Test
  void aCheckWhoseFactsCannotBeReadIsSkippedAndTheReportSaysSo() throws Exception {
    Map<String, Path> roots = Fixtures.copy(tmp);
    Files.writeString(roots.get("puppet").resolve("modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua"),
        "local debug_maps = {\n");
    ArtifactTrees.Builder b = ArtifactTrees.builder();
    b.repository(dev.mwexp.fragment.Repository.PUPPET, roots.get("puppet"));
    b.repository(dev.mwexp.fragment.Repository.CHARTS, roots.get("deployment-charts"));
    b.repository(dev.mwexp.fragment.Repository.DNS, roots.get("dns"));
    b.repository(dev.mwexp.fragment.Repository.MEDIAWIKI_CONFIG, roots.get("mediawiki-config"));
    Report report = RoutingConsistency.check(b.build(), Spec.defaultSetup());
    assertThat(report.links()).contains(Link.UNREADABLE).doesNotContain(Link.BACKEND, Link.HOST);
    assertThat(report.skipped()).contains(Link.BACKEND, Link.DUPLICATE_KEY, Link.HOST, Link.CNAME_TARGET);
    assertThat(RoutingConsistency.check(ArtifactTrees.of(Path.of("../fixtures/real-repos").toAbsolutePath()), Spec.defaultSetup())
        .skipped()).isEmpty();
  }
}
