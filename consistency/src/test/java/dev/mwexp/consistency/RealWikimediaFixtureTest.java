package dev.mwexp.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The checker over a hand-written copy of the real Wikimedia files (shared/domain facts): the
 * routing chain holds — backends, CNAMEs, hosts, switch, label, taints, replicas, NodePort — and
 * what it reports is what really differs from the design.
 */
class RealWikimediaFixtureTest {

  private static final Path ROOT = Path.of("src/test/resources/wikimedia-real");

  @Test
  void reportsWhatTheRealSetupLeavesOpen() {
    Report report =
        RoutingConsistency.check(
            ArtifactTrees.builder()
                .hiera(ROOT.resolve("puppet"))
                .helmValues(ROOT.resolve("helmfile.d/services/mw-experimental"))
                .routingScript(ROOT.resolve("ats/x-wikimedia-debug-routing.lua"))
                .zone(ROOT.resolve("dns/wmnet"))
                .build());

    System.out.println(report.format());
    assertThat(report.violations())
        .extracting(v -> v.link() + " " + v.subject())
        .containsExactly(
            // The design asks for Local traffic policies; the real values set neither.
            "TRAFFIC_POLICY codfw",
            "TRAFFIC_POLICY eqiad",
            // /srv/mediawiki, its owner, group and mode, and the servergroup live in Puppet code
            // (profile::kubernetes::mediawiki_runner), not in hiera: nothing ties them to the chart.
            "MOUNT_PATH wikikube-worker-exp1001.eqiad.wmnet",
            "MOUNT_PATH wikikube-worker-exp2001.codfw.wmnet",
            "MOUNT_OWNERSHIP wikikube-worker-exp1001.eqiad.wmnet",
            "MOUNT_OWNERSHIP wikikube-worker-exp1001.eqiad.wmnet",
            "MOUNT_OWNERSHIP wikikube-worker-exp1001.eqiad.wmnet",
            "MOUNT_OWNERSHIP wikikube-worker-exp2001.codfw.wmnet",
            "MOUNT_OWNERSHIP wikikube-worker-exp2001.codfw.wmnet",
            "MOUNT_OWNERSHIP wikikube-worker-exp2001.codfw.wmnet",
            "SERVERGROUP wikikube-worker-exp1001.eqiad.wmnet",
            "SERVERGROUP wikikube-worker-exp2001.codfw.wmnet");
    assertThat(report.violations().get(0).sources().get(0).file())
        .isEqualTo("helmfile.d/services/mw-experimental/values.yaml");
  }
}
