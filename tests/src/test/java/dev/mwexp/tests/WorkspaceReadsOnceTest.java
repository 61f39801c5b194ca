package dev.mwexp.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.consistency.ArtifactTrees;
import dev.mwexp.consistency.RoutingConsistency;
import dev.mwexp.export.Exporters;
import dev.mwexp.fragment.Repository;
import dev.mwexp.repos.Checkouts;
import dev.mwexp.repos.Plan;
import dev.mwexp.repos.Sync;
import dev.mwexp.spec.Spec;
import dev.mwexp.testing.Fixtures;
import dev.mwexp.workspace.Workspace;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check reads the checkouts for its facts and again for its drift plan: through one workspace,
 * each file comes off the disk once, and both see the same bytes, with the same verdicts as
 * before.
 */
class WorkspaceReadsOnceTest {

  @TempDir Path tmp;

  @Test
  void checkAndItsDriftPlanReadEachFileOnceAndAgreeWithSeparateReads() throws Exception {
    Map<String, Path> copied = Fixtures.copy(tmp);
    Map<Repository, Path> roots = new TreeMap<>();
    Repository.all().stream().filter(Repository::builtIn).forEach(r -> roots.put(r, copied.get(r.directory())));
    var setup = Spec.defaultSetup();

    Workspace ws = Workspace.open(roots);
    String report = RoutingConsistency.check(ArtifactTrees.builder().workspace(ws).build(), setup).format();
    int hitsBeforePlan = ws.reads().hits();
    Plan plan = Sync.plan(Exporters.fragments(setup), Checkouts.of(ws));

    // The plan read site.pp, the routing script, the zone, debug.json, the hosts' hiera, the
    // chart's values and the profile class: from what the checker had read.
    assertThat(ws.reads().hits() - hitsBeforePlan).isGreaterThanOrEqualTo(7);

    assertThat(ws.reads().diskReads()).isEqualTo(ws.reads().files().size());
    // The files both read: the plan's merges came from the cache the checker filled.
    assertThat(ws.reads().files()).contains(
        copied.get("puppet").resolve("manifests/site.pp").toRealPath(),
        copied.get("puppet").resolve("modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua").toRealPath(),
        copied.get("dns").resolve("templates/wmnet").toRealPath(),
        copied.get("mediawiki-config").resolve("debug.json").toRealPath());

    ArtifactTrees.Builder separate = ArtifactTrees.builder();
    roots.forEach(separate::repository);
    assertThat(report).isEqualTo(RoutingConsistency.check(separate.build(), setup).format());
    assertThat(plan.diff()).isEqualTo(Sync.plan(Exporters.fragments(setup), Checkouts.of(roots)).diff());
  }
}
