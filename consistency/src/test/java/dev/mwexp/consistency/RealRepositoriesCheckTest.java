package dev.mwexp.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.fragment.Repository;
import dev.mwexp.spec.Spec;
import dev.mwexp.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker over the four real layouts (fixtures/real-repos, written from the facts with other
 * services' entries): today's repositories route consistently; each hand edit of issue 14's chain
 * breaks exactly its link, at its file and line.
 */
class RealRepositoriesCheckTest {

  @TempDir Path tmp;

  private static ArtifactTrees trees(Map<String, Path> roots) {
    ArtifactTrees.Builder b = ArtifactTrees.builder();
    b.repository(Repository.PUPPET, roots.get("puppet"));
    b.repository(Repository.CHARTS, roots.get("deployment-charts"));
    b.repository(Repository.DNS, roots.get("dns"));
    b.repository(Repository.MEDIAWIKI_CONFIG, roots.get("mediawiki-config"));
    return b.build();
  }

  @Test
  void todaysRepositoriesRouteConsistentlyWithAndWithoutTheSpec() {
    Map<String, Path> roots = Fixtures.copy(tmp);
    assertThat(RoutingConsistency.check(trees(roots)).violations()).isEmpty();
    assertThat(RoutingConsistency.check(trees(roots), Spec.defaultSetup()).violations()).isEmpty();
  }

  interface Edit {
    void apply(Map<String, Path> roots) throws Exception;
  }

  private static void edit(Path file, String from, String to) throws Exception {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  @Test
  void eachHandEditBreaksItsOwnLink() throws Exception {
    String values = "deployment-charts/helmfile.d/services/mw-experimental/values.yaml";
    Map<String, Edit> cases = new LinkedHashMap<>();
    // The common file's rollingUpdate survives the merge once values.yaml stops unsetting it.
    cases.put("CHART_VALUES eqiad strategy.rollingUpdate: expected ~ (Kubernetes rejects rollingUpdate with Recreate),"
        + " found {\"maxSurge\":0,\"maxUnavailable\":\"6%\"} [" + values.replace("values.yaml", "global.yaml") + ":6]",
        r -> edit(r.get("deployment-charts").resolve("helmfile.d/services/mw-experimental/values.yaml"), "  rollingUpdate: ~\n", ""));
    cases.put("CHART_VALUES codfw main_app.limits.enforce",
        r -> edit(r.get("deployment-charts").resolve("helmfile.d/services/mw-experimental/values.yaml"), "    enforce: false\n", ""));
    cases.put("DEBUG_LIST k8s-mw-experimental-codfw: expected listed in debug.json",
        r -> edit(r.get("mediawiki-config").resolve("debug.json"), "    \"k8s-mw-experimental-codfw\",\n", ""));
    cases.put("NODE_STANZA wikikube-worker-exp2001.codfw.wmnet",
        r -> edit(r.get("puppet").resolve("manifests/site.pp"), "node /^wikikube-worker-exp2001\\.codfw\\./ {\n    role(kubernetes::worker)\n}\n", ""));
    cases.put("SWITCH wikikube-worker-exp1001.eqiad.wmnet: expected profile::kubernetes::node::mw_experimental: true, found false"
        + " [puppet/hieradata/role/common/kubernetes/worker.yaml:4]",
        r -> edit(r.get("puppet").resolve("hieradata/hosts/wikikube-worker-exp1001.yaml"),
            "profile::kubernetes::node::mw_experimental: true\n", ""));
    // Both sides at their real lines: the host's taints, and the chart's tolerations (issue 16).
    cases.put("TAINTS wikikube-worker-exp2001.codfw.wmnet: expected tolerations [dedicated=mw-experimental:NoExecute,"
        + " dedicated=mw-experimental:NoSchedule] for the host's taints, found host taints [dedicated=mw-experimental:NoExecute,"
        + " dedicated=mw-experimental:PreferNoSchedule] [puppet/hieradata/hosts/wikikube-worker-exp2001.yaml:5,"
        + " deployment-charts/helmfile.d/services/mw-experimental/values.yaml:33]",
        r -> edit(r.get("puppet").resolve("hieradata/hosts/wikikube-worker-exp2001.yaml"), "effect: NoSchedule", "effect: PreferNoSchedule"));
    cases.put("PORT k8s-mw-experimental-eqiad: expected nodePort 4457",
        r -> edit(r.get("puppet").resolve("modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua"),
            "\"mw-experimental.eqiad.wmnet\",      port = 4456", "\"mw-experimental.eqiad.wmnet\",      port = 4457"));
    cases.put("CNAME_TARGET mw-experimental.codfw.wmnet: expected a host with hiera, found wikikube-worker-exp2009.codfw.wmnet [dns/templates/wmnet:21",
        r -> edit(r.get("dns").resolve("templates/wmnet"), "wikikube-worker-exp2001.codfw.wmnet.", "wikikube-worker-exp2009.codfw.wmnet."));
    cases.put("MOUNT_OWNERSHIP wikikube-worker-exp1001.eqiad.wmnet: expected profile::kubernetes::mediawiki_experimental::mode: 2775, found 0775",
        r -> edit(r.get("puppet").resolve("modules/profile/manifests/kubernetes/mediawiki_experimental.pp"), "'2775'", "'0775'"));
    int n = 0;
    for (Map.Entry<String, Edit> c : cases.entrySet()) {
      Map<String, Path> roots = Fixtures.copy(Files.createDirectories(tmp.resolve("case" + n++)));
      c.getValue().apply(roots);
      Report report = RoutingConsistency.check(trees(roots), Spec.defaultSetup());
      assertThat(report.format()).as(c.getKey()).contains(c.getKey());
    }
  }

  /** Issue 16: routing into another datacenter, or a mode the deployers cannot write in, with the spec and without it. */
  @Test
  void routesIntoAnotherDatacenterAreViolations() throws Exception {
    Map<String, Edit> cases = new LinkedHashMap<>();
    cases.put("CROSS_DATACENTER k8s-mw-experimental-eqiad: expected a host of eqiad, found wikikube-worker-exp2001.codfw.wmnet,"
        + " a host of codfw", r -> edit(r.get("puppet").resolve("modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua"),
            "{ host = \"mw-experimental.eqiad.wmnet\",", "{ host = \"mw-experimental.codfw.wmnet\","));
    cases.put("CROSS_DATACENTER mw-experimental.eqiad.wmnet: expected a host of eqiad, found wikikube-worker-exp2001.codfw.wmnet,"
        + " a host of codfw [dns/templates/wmnet:15]", r -> edit(r.get("dns").resolve("templates/wmnet"),
            "CNAME    wikikube-worker-exp1001.eqiad.wmnet.", "CNAME    wikikube-worker-exp2001.codfw.wmnet."));
    // Without the spec the exact mode is unknown, but one the group cannot write in is wrong.
    cases.put("MOUNT_OWNERSHIP wikikube-worker-exp1001.eqiad.wmnet: expected profile::kubernetes::mediawiki_experimental::mode:",
        r -> edit(r.get("puppet").resolve("modules/profile/manifests/kubernetes/mediawiki_experimental.pp"), "'2775'", "'0755'"));
    int n = 0;
    for (Map.Entry<String, Edit> c : cases.entrySet()) {
      Map<String, Path> roots = Fixtures.copy(Files.createDirectories(tmp.resolve("cross" + n++)));
      c.getValue().apply(roots);
      assertThat(RoutingConsistency.check(trees(roots)).format()).as("without the spec").contains(c.getKey());
      assertThat(RoutingConsistency.check(trees(roots), Spec.defaultSetup()).format()).as("with it").contains(c.getKey());
    }
  }
  /** Today's real syntax is read, and only mw-experimental is judged (issue 23). */
  @Test
  void realSyntaxIsReadAndOnlyMwExperimentalIsJudged() throws Exception {
    String lua = "puppet/modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua";
    Map<String, Edit> clean = new LinkedHashMap<>();
    clean.put("gdnsd's dynamic records and TTL limits", r -> edit(r.get("dns").resolve("templates/wmnet"),
        "$ORIGIN discovery.wmnet.\n", "$ORIGIN discovery.wmnet.\nlogstash       300/10 IN DYNA metafo!disc-logstash\n"));
    clean.put("an absolute owner and a TTL in seconds", r -> edit(r.get("dns").resolve("templates/wmnet"),
        "mw-experimental      1H  IN CNAME    wikikube-worker-exp1001.eqiad.wmnet.",
        "mw-experimental.eqiad.wmnet. 3600 IN CNAME wikikube-worker-exp1001.eqiad.wmnet."));
    clean.put("mw-parsoid's backends on the experimental hosts", r -> edit(r.get("puppet").resolve(lua.substring(7)),
        "            [\"k8s-mw-parsoid\"]",
        "            [\"k8s-mw-parsoid-exp-eqiad\"]  = { host = \"wikikube-worker-exp1001.eqiad.wmnet\", port = 4452 },\n"
            + "            [\"k8s-mw-parsoid\"]"));
    clean.put("a stanza laid out over lines and indented", r -> edit(r.get("puppet").resolve("manifests/site.pp"),
        "node /^wikikube-worker-exp1001\\.eqiad\\./ {\n", "  node /^wikikube-worker-exp1001\\.eqiad\\./\n  {\n"));
    clean.put("a quoted 'directory' in the profile class", r -> edit(r.get("puppet").resolve(
        "modules/profile/manifests/kubernetes/mediawiki_experimental.pp"), "            ensure => directory,\n            owner  => $owner,",
        "            ensure => 'directory',\n            owner  => $owner,"));
    // Another role does not include the profile, so its switch does nothing: such a host is not
    // one of mw-experimental's, and is not even looked up (today's site.pp names ~680 of them).
    clean.put("a host of another role whose own file sets the switch", r -> {
      edit(r.get("puppet").resolve("manifests/site.pp"), "node default {",
          "node /^an-worker1001\\.eqiad\\./ {\n    role(analytics_cluster::hadoop::worker)\n}\n\nnode default {");
      Files.writeString(r.get("puppet").resolve("hieradata/hosts/an-worker1001.yaml"),
          "profile::kubernetes::node::mw_experimental: true\nprofile::kubernetes::node::kubelet_node_labels: []\n");
    });
    clean.put("a LuaJIT int64 port", r -> edit(r.get("puppet").resolve(lua.substring(7)),
        "\"mw-experimental.eqiad.wmnet\",      port = 4456", "\"mw-experimental.eqiad.wmnet\",      port = 4456LL"));
    int n = 0;
    for (Map.Entry<String, Edit> c : clean.entrySet()) {
      Map<String, Path> roots = Fixtures.copy(Files.createDirectories(tmp.resolve("clean" + n++)));
      c.getValue().apply(roots);
      assertThat(RoutingConsistency.check(trees(roots)).format()).as(c.getKey() + ", without the spec")
          .isEmpty();
      assertThat(RoutingConsistency.check(trees(roots), Spec.defaultSetup()).format()).as(c.getKey() + ", with it")
          .isEmpty();
    }
    Map<String, Edit> broken = new LinkedHashMap<>();
    broken.put("NODE_STANZA wikikube-worker-exp1001.eqiad.wmnet: expected role(kubernetes::worker), found"
        + " role(mediawiki::appserver) [puppet/manifests/site.pp:24]", r -> edit(r.get("puppet").resolve("manifests/site.pp"),
            "node default {", "node 'wikikube-worker-exp1001.eqiad.wmnet' { role(mediawiki::appserver) }\n\nnode default {"));
    broken.put("DUPLICATE_KEY k8s-mw-experimental-eqiad: expected the key set once (Lua keeps the last), found set again at "
        + lua + ":", r -> Files.writeString(r.get("puppet").resolve(lua.substring(7)), Files.readString(r.get("puppet")
            .resolve(lua.substring(7))) + "debug_maps.default.backends[\"k8s-mw-experimental-eqiad\"] = "
            + "{ host = \"mw-experimental.codfw.wmnet\", port = 4456 }\n"));
    n = 0;
    for (Map.Entry<String, Edit> c : broken.entrySet()) {
      Map<String, Path> roots = Fixtures.copy(Files.createDirectories(tmp.resolve("broken" + n++)));
      c.getValue().apply(roots);
      assertThat(RoutingConsistency.check(trees(roots), Spec.defaultSetup()).format()).as(c.getKey()).contains(c.getKey());
    }
    // The assignment after the table routes eqiad's backend to codfw, as LuaJIT would.
    Map<String, Path> roots = Fixtures.copy(Files.createDirectories(tmp.resolve("late")));
    broken.get(broken.keySet().toArray(new String[0])[1]).apply(roots);
    assertThat(RoutingConsistency.check(trees(roots), Spec.defaultSetup()).format())
        .contains("CROSS_DATACENTER k8s-mw-experimental-eqiad: expected a host of eqiad, found wikikube-worker-exp2001.codfw.wmnet");
  }
}
