package dev.mwexp.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.format.alerts.AlertExclusions;
import dev.mwexp.fragment.Repository;
import dev.mwexp.model.SeriesFamily;
import dev.mwexp.spec.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NO_ALERT over an operations/alerts checkout alone: each rule that could fire, by file and line. */
class NoAlertLinkTest {

  private static final Repository ALERTS = Repository.of("alerts", "operations/alerts", "team-*");

  @TempDir Path tmp;

  private Path copy() {
    return dev.mwexp.testing.Fixtures.copyTree(Path.of("../fixtures/alerts-today").toAbsolutePath(), tmp.resolve("alerts"));
  }

  private static Report check(Path alerts) {
    return RoutingConsistency.check(ArtifactTrees.builder().repository(ALERTS, alerts).build(), Spec.defaultSetup());
  }

  @Test
  void everyRuleThatCouldFireIsNamedWithItsFileAndLine() throws Exception {
    Report report = check(copy());
    assertThat(report.links()).containsExactly(new Link("NO_ALERT", "no alerting rule of operations/alerts can select"
        + " mw-experimental's series"));
    assertThat(report.violations()).extracting(Violation::subject).containsOnly("HttpdUnreachable",
        "KubernetesContainerOomKilled", "KubernetesContainerReachingMemoryLimit", "KubernetesDeploymentUnavailableReplicas",
        "MediaWikiHighErrorRate", "MediaWikiLatencyExceeded", "MediaWikiMemcachedHighErrorRate", "PHPFPMTooBusy",
        "SystemdUnitFailed");
    assertThat(report.format()).contains(
        "NO_ALERT HttpdUnreachable: expected no selector admitting pods series with deployment=\"mw-experimental\","
            + " found apache_up{app=\"mediawiki\"} [team-sre/mw-on-k8s.yaml:35]",
        "found log_mediawiki_servergroup_level_channel_doc_count{channel=~\"(fatal|exception)\", level=\"ERROR\"}"
            + " [team-sre/mediawiki.yaml:18]");
  }

  @Test
  void cleanOnceEveryRuleExcludesIt() throws Exception {
    Path alerts = copy();
    try (Stream<Path> files = Files.walk(alerts)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Files.writeString(f, AlertExclusions.exclude(f.toString(), Files.readString(f), SeriesFamily.of(Spec.defaultSetup())));
      }
    }
    check(alerts).assertNone();
  }

  @Test
  void aRuleFileThatIsNotYamlIsUnreadableAndNoAlertIsSkipped() throws Exception {
    Path alerts = copy();
    Files.writeString(alerts.resolve("team-sre/broken.yaml"), "groups: [\n");
    Report report = check(alerts);
    assertThat(report.links()).contains(Link.UNREADABLE);
    assertThat(report.violations()).filteredOn(v -> v.link().equals(Link.UNREADABLE)).singleElement()
        .satisfies(v -> assertThat(v.subject()).isEqualTo("team-sre/broken.yaml"));
    assertThat(report.skipped()).extracting(Link::id).containsExactly("NO_ALERT");
  }

  @Test
  void withoutAnAlertsCheckoutNothingIsJudgedOrSkipped() {
    Report report = RoutingConsistency.check(ArtifactTrees.of(Path.of("../fixtures/real-repos").toAbsolutePath()),
        Spec.defaultSetup());
    assertThat(report.skipped()).extracting(Link::id).doesNotContain("NO_ALERT");
    assertThat(report.links()).extracting(Link::id).doesNotContain("NO_ALERT");
  }

  @Test
  void theLinkIsListedAfterTheBuiltInOnes() {
    List<Link> all = Link.all();
    assertThat(all.get(all.size() - 1).id()).isEqualTo("NO_ALERT");
  }
}
