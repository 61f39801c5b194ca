package dev.mwexp.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.format.yaml.YamlListItems;
import dev.mwexp.fragment.Repository;
import dev.mwexp.model.Companion;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import dev.mwexp.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COMPANION over the real-repository fixtures: mcrouter, the collector and mw-parsoid tolerate the hosts' taints. */
class CompanionLinkTest {

  @TempDir Path tmp;

  private static Report check(Map<Repository, Path> roots, Setup setup) {
    ArtifactTrees.Builder b = ArtifactTrees.builder();
    roots.forEach(b::repository);
    return RoutingConsistency.check(b.build(), setup);
  }

  private static Setup withTaint(String extra) throws Exception {
    return Spec.parse(Spec.defaultSpecText().replace("    - dedicated=mw-experimental:NoExecute\n",
        "    - dedicated=mw-experimental:NoExecute\n    - " + extra + "\n"), "spec.yaml");
  }

  @Test
  void todaysCompanionsTolerateTodaysTaints() {
    Report report = check(Fixtures.checkouts(tmp), Spec.defaultSetup());
    assertThat(report.links()).extracting(Link::id).doesNotContain("COMPANION");
    assertThat(report.skipped()).extracting(Link::id).doesNotContain("COMPANION");
  }

  @Test
  void anotherTaintInTheSpecFailsEachCompanionUntilItsTolerationsFollow() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Setup setup = withTaint("gpu=none:PreferNoSchedule");
    Report before = check(roots, setup);
    assertThat(before.violations()).filteredOn(v -> v.link().id().equals("COMPANION"))
        .extracting(Violation::format).containsExactly(
            "COMPANION mw-mcrouter: expected tolerations of the spec's taints [gpu=none:PreferNoSchedule], found tolerations"
                + " [dedicated=mw-experimental:NoExecute, dedicated=mw-experimental:NoSchedule]"
                + " [deployment-charts/helmfile.d/services/mw-mcrouter/values.yaml:18]",
            "COMPANION mw-parsoid: expected tolerations of the spec's taints [gpu=none:PreferNoSchedule], found tolerations"
                + " [dedicated=mw-experimental:NoExecute, dedicated=mw-experimental:NoSchedule]"
                + " [deployment-charts/helmfile.d/services/mw-parsoid/values.yaml:11]",
            "COMPANION opentelemetry-collector: expected tolerations of the spec's taints [gpu=none:PreferNoSchedule],"
                + " found tolerations [dedicated=mw-experimental:NoExecute, dedicated=mw-experimental:NoSchedule]"
                + " [deployment-charts/helmfile.d/admin_ng/opentelemetry-collector/values.yaml:11]");
    List<Map<String, Object>> tolerations = List.of(t("dedicated", "mw-experimental", "NoExecute"),
        t("gpu", "none", "PreferNoSchedule"), t("dedicated", "mw-experimental", "NoSchedule"));
    for (Companion c : setup.scheduling().companions()) {
      Path file = roots.get(Repository.CHARTS).resolve(c.values());
      Files.writeString(file, new YamlListItems(List.of("tolerations"), "value", Set.of("mw-experimental", "none"),
          tolerations).apply(Optional.of(Files.readString(file))).orElseThrow());
    }
    assertThat(check(roots, setup).links()).extracting(Link::id).doesNotContain("COMPANION");
  }

  @Test
  void aHostsTaintAnyCompanionDoesNotTolerateIsNamedWithBothFiles() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Path host = roots.get(Repository.PUPPET).resolve("hieradata/hosts/wikikube-worker-exp1001.yaml");
    Files.writeString(host, Files.readString(host).replace("    effect: NoSchedule\n", "    effect: PreferNoSchedule\n"));
    assertThat(check(roots, Spec.defaultSetup()).format())
        .contains("COMPANION mw-mcrouter on wikikube-worker-exp1001.eqiad.wmnet: expected tolerations of"
            + " [dedicated=mw-experimental:PreferNoSchedule]")
        .contains("[deployment-charts/helmfile.d/services/mw-mcrouter/values.yaml:18, puppet/hieradata/hosts/"
            + "wikikube-worker-exp1001.yaml:");
  }

  @Test
  void aCompanionWithoutItsValuesFileIsNamed() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Files.delete(roots.get(Repository.CHARTS).resolve("helmfile.d/services/mw-parsoid/values.yaml"));
    assertThat(check(roots, Spec.defaultSetup()).format()).contains("COMPANION mw-parsoid: expected its values file,"
        + " tolerating the hosts' taints, found no file deployment-charts/helmfile.d/services/mw-parsoid/values.yaml");
  }

  private static Map<String, Object> t(String key, String value, String effect) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("key", key);
    t.put("value", value);
    t.put("effect", effect);
    return t;
  }
}
