package dev.mwexp.repos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.mwexp.export.Exporters;
import dev.mwexp.fragment.Repository;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import dev.mwexp.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync over checkouts shaped like today's repositories (fixtures/real-repos, with other services'
 * entries): today's model changes nothing; any model synced and then today's again gives back every
 * byte (so nothing outside mw-experimental's part ever changed, and what a model drops is removed);
 * syncing twice changes nothing; a datacenter dropped or a host added changes exactly its lines.
 */
class SyncTest {

  @TempDir Path tmp;

  private static Plan plan(Setup setup, Map<Repository, Path> roots) throws CheckoutException {
    var fragments = Exporters.fragments(setup);
    // Every exporter is on the class path: a sync with no fragments would prove nothing.
    assertThat(fragments).extracting(f -> f.repository()).contains(Repository.PUPPET, Repository.CHARTS, Repository.DNS, Repository.MEDIAWIKI_CONFIG);
    return Sync.plan(fragments, Checkouts.of(roots));
  }

  @Test
  void todaysModelChangesNothingInTodaysRepositories() throws Exception {
    Plan plan = plan(Spec.defaultSetup(), Fixtures.checkouts(tmp));
    assertThat(plan.diff()).isEmpty();
    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void anyModelAndBackLeavesEveryByteAsItWas() {
    int[] n = {0};
    qt().withExamples(40).forAll(dev.mwexp.testing.GrowingSpecs.specs()).checkAssert(text -> {
      try {
        Path dir = Files.createDirectories(tmp.resolve("case" + n[0]++));
        Map<Repository, Path> roots = Fixtures.checkouts(dir);
        Map<String, String> before = Fixtures.snapshot(dir);
        Setup setup = Spec.parse(text, "spec.yaml");

        plan(setup, roots).write();
        assertThat(plan(setup, roots).diff()).as("a second sync of\n%s", text).isEmpty();

        plan(Spec.defaultSetup(), roots).write();
        assertThat(plan(Spec.defaultSetup(), roots).isEmpty()).isTrue();
        // Every line is back. An entry the model dropped and today's put back may stand at
        // another place among mw-experimental's own entries (where it was is not recorded),
        // so lines are compared as a multiset, and a list item's comma does not count.
        Map<String, String> after = Fixtures.snapshot(dir);
        assertThat(after.keySet()).as("files, from\n%s", text).isEqualTo(before.keySet());
        before.forEach((file, content) -> assertThat(lines(after.get(file))).as("%s from%n%s", file, text)
            .isEqualTo(lines(content)));
      } catch (Exception e) {
        throw new AssertionError(text, e);
      }
    });
  }

  private static List<String> lines(String text) {
    return text.lines().map(l -> l.endsWith(",") && l.strip().startsWith("\"") ? l.substring(0, l.length() - 1) : l)
        .sorted().toList();
  }

  /** The lines a plan adds or removes. */
  /**
   * The changed lines of every file but the profile class, whose table of host guides (what
   * {@code mwexp hosts} prints, for the motd) follows the hosts; ProfileClassTest judges it.
   */
  private static List<String> changedLines(Plan plan) {
    return plan.changes().stream().filter(c -> !c.path().endsWith("mediawiki_experimental.pp")).map(Plan::diff)
        .collect(java.util.stream.Collectors.joining()).lines()
        .filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++") && !l.startsWith("---"))
        .toList();
  }

  @Test
  void droppingADatacenterRemovesExactlyItsEntries() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Setup eqiadOnly = Spec.parse("datacenters:\n  eqiad:\n    hosts: [wikikube-worker-exp1001.eqiad.wmnet]\n", "spec.yaml");
    Plan plan = plan(eqiadOnly, roots);
    assertThat(changedLines(plan)).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("-"))
        .allSatisfy(l -> assertThat(l).containsAnyOf("codfw", "exp2001", "profile::kubernetes::node::", "- key:",
            "value: mw-experimental", "effect:", "- dedicated=", "role(kubernetes::worker)", "}", "-").doesNotContain("eqiad"));
    assertThat(plan.changes()).extracting(Change::name).containsExactly(
        "puppet/hieradata/hosts/wikikube-worker-exp2001.yaml",
        "puppet/manifests/site.pp",
        "puppet/modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua",
        "puppet/modules/profile/manifests/kubernetes/mediawiki_experimental.pp", // codfw's guide goes
        "dns/templates/wmnet",
        "mediawiki-config/debug.json");
    assertThat(Plan.diff(plan.changes().get(3)).lines()).noneMatch(l -> l.startsWith("+") && !l.startsWith("+++"));
    assertThat(Plan.diff(plan.changes().get(3))).contains("-            'codfw' => {").doesNotContain("-            'eqiad' => {");
    // The host file keeps the comment someone wrote in it; only mw-experimental's keys go.
    plan.write();
    assertThat(Files.readString(roots.get(Repository.PUPPET).resolve("hieradata/hosts/wikikube-worker-exp2001.yaml")))
        .isEqualTo("# wikikube-worker-exp2001: a dedicated mw-experimental worker (fixture written for mwexp's tests).\n");
  }

  @Test
  void theNamespaceGetsBackTheLabelsThatAdmitItsPodsAndNothingElseMoves() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Path namespaces = roots.get(Repository.CHARTS).resolve("helmfile.d/admin_ng/values/main.yaml");
    String before = Files.readString(namespaces);
    String without = before.replace("      pod-security.wmf.org/allow-hostpath-mw-experimental: include\n", "");
    Files.writeString(namespaces, without);
    Plan plan = plan(Spec.defaultSetup(), roots);
    assertThat(plan.changes()).extracting(Change::name).containsExactly("deployment-charts/helmfile.d/admin_ng/values/main.yaml");
    assertThat(changedLines(plan)).containsExactly("+      pod-security.wmf.org/allow-hostpath-mw-experimental: include");
    plan.write();
    assertThat(Files.readString(namespaces)).isEqualTo(before);
  }

  @Test
  void addingAHostGivesAReviewableDiff() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    String spec = Spec.defaultSpecText().replace("      - wikikube-worker-exp1001.eqiad.wmnet\n",
        "      - wikikube-worker-exp1001.eqiad.wmnet\n      - wikikube-worker-exp1002.eqiad.wmnet\n");
    Plan plan = plan(Spec.parse(spec, "spec.yaml"), roots);
    assertThat(plan.changes()).extracting(Change::name).containsExactly(
        "puppet/hieradata/hosts/wikikube-worker-exp1002.yaml",
        "puppet/manifests/site.pp",
        // eqiad has two hosts now: per-host backends by default, and two replicas there.
        "puppet/modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua",
        // The motd's host guides: the new host's, and exp1001's per-host backend.
        "puppet/modules/profile/manifests/kubernetes/mediawiki_experimental.pp",
        "deployment-charts/helmfile.d/services/mw-experimental/values-eqiad.yaml",
        "mediawiki-config/debug.json");
    assertThat(changedLines(plan)).allSatisfy(l -> assertThat(l).startsWith("+"))
        .noneMatch(l -> l.contains("codfw") || l.contains("mwdebug") || l.contains("parsoid"));
    assertThat(plan.diff()).contains(
        "+node /^wikikube-worker-exp1002\\.eqiad\\./ {",
        "+            [\"wikikube-worker-exp1002.eqiad.wmnet\"] = { host = \"wikikube-worker-exp1002.eqiad.wmnet\", port = 4456 },",
        "+    \"wikikube-worker-exp1002.eqiad.wmnet\"",
        "+  replicas: 2");
  }

  @Test
  void aHandEditMwexpCannotMergeStopsEverythingWithTheLine() throws Exception {
    Path dir = tmp.resolve("conflict");
    Map<Repository, Path> roots = Fixtures.checkouts(Files.createDirectories(dir));
    Path sitePp = roots.get(Repository.PUPPET).resolve("manifests/site.pp");
    Files.writeString(sitePp, Files.readString(sitePp).replace(
        "node /^wikikube-worker-exp1001\\.eqiad\\./ {\n    role(kubernetes::worker)", "node /^wikikube-worker-exp1001\\.eqiad\\./ {\n    role(insetup)"));
    Path lua = roots.get(Repository.PUPPET).resolve("modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua");
    Files.writeString(lua, Files.readString(lua).replace("port = 4456 },\n            [\"k8s-mw-experimental-codfw\"]",
        "port = 4456 }, [\"k8s-mw-experimental-codfw\"]"));
    Map<String, String> before = Fixtures.snapshot(dir);
    String spec = Spec.defaultSpecText().replace("port: 4456", "port: 4457");

    assertThatThrownBy(() -> plan(Spec.parse(spec, "spec.yaml"), roots))
        .isInstanceOfSatisfying(CheckoutException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "puppet/manifests/site.pp:12: the node statement Puppet picks for wikikube-worker-exp1001.eqiad.wmnet gives"
                + " role(insetup); mwexp writes role(kubernetes::worker) for it; fix or remove that node by hand",
            "puppet/modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua:27: has table entries sharing a"
                + " line; mwexp needs one entry a line in table opened on line 22"));
    assertThat(Fixtures.snapshot(dir)).isEqualTo(before);
  }

  @Test
  void aPathThatIsNoCheckoutIsRefusedBeforeAnythingIsRead() {
    Map<Repository, Path> roots = new java.util.TreeMap<>();
    roots.put(Repository.PUPPET, tmp.resolve("nowhere"));
    roots.put(Repository.DNS, tmp);
    assertThatThrownBy(() -> Checkouts.of(roots))
        .isInstanceOfSatisfying(CheckoutException.class, e -> assertThat(new TreeSet<>(e.problems())).containsExactly(
            tmp.resolve("nowhere") + ": cannot open: no such file or directory",
            tmp + ": is not a checkout of operations/dns (it has no templates/); pass its root with --dns"));
  }
}
