package dev.mwexp.tests.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.export.Exporters;
import dev.mwexp.spec.Spec;
import dev.mwexp.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One golden case per link of the chain: a hand edit of a compiled tree (raw manifests) or of the
 * real-repository fixtures, with the diagnostic it must give written inline where it must be
 * reported. Each case is the edit; what is expected is its markers, not the checker's output.
 */
class GoldenChecksTest {

  @TempDir Path tmp;

  /** A text edit of one file: {@code from} must be there ({@code null}: a new file); {@code to} carries the markers ({@code null}: the file is deleted). */
  record Edit(String file, String from, String to) {}

  record Case(String name, boolean checkouts, List<Edit> edits) {}

  static Case compiled(String name, Edit... edits) {
    return new Case(name, false, List.of(edits));
  }

  static Case checkouts(String name, Edit... edits) {
    return new Case(name, true, List.of(edits));
  }

  static Edit edit(String file, String from, String to) {
    return new Edit(file, from, to);
  }

  static final String LUA = "puppet/modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua";
  static final String HOST1 = "puppet/hieradata/hosts/wikikube-worker-exp1001.yaml";
  static final String HOST2 = "puppet/hieradata/hosts/wikikube-worker-exp2001.yaml";
  static final String ZONE = "dns/templates/wmnet";
  static final String SERVICE = "k8s/eqiad/service.yaml";
  static final String DEPLOYMENT = "k8s/eqiad/deployment.yaml";
  static final String PROFILE = "puppet/modules/profile/manifests/kubernetes/mediawiki_experimental.pp";

  static final String BACKEND_LINE = "host = \"mw-experimental.eqiad.wmnet\", port = 4456 },";

  static final List<Case> CASES = List.of(
      compiled("PORT",
          edit(SERVICE, "      nodePort: 4456", "      nodePort: 4457  # BUG: PORT")),
      compiled("LABEL",
          edit(HOST1, "profile::kubernetes::node::kubelet_node_labels:\n  - dedicated=mw-experimental\n",
              "profile::kubernetes::node::kubelet_node_labels:  # BUG: LABEL\n  - dedicated=someone-else\n")),
      compiled("TAINTS",
          edit(HOST2, "    effect: NoSchedule\n", "    effect: PreferNoSchedule\n"),
          edit(HOST2, "profile::kubernetes::node::kubelet_node_taints:", "profile::kubernetes::node::kubelet_node_taints:  # BUG: TAINTS")),
      compiled("SWITCH",
          edit(HOST1, "profile::kubernetes::node::mw_experimental: true", "profile::kubernetes::node::mw_experimental: false  # BUG: SWITCH")),
      // A typo in the target: no such host, and not the model's backend either.
      compiled("HOST",
          edit(LUA, BACKEND_LINE, "host = \"mw-experimental-typo.eqiad.wmnet\", port = 4456 },  -- BUG: HOST -- BUG: BACKEND")),
      compiled("CNAME_TARGET",
          edit(ZONE, "wikikube-worker-exp2001.codfw.wmnet.", "wikikube-worker-exp2009.codfw.wmnet. ; BUG: CNAME_TARGET")),
      // The CNAME leads to codfw, and so does the backend through it: one finding at each.
      compiled("CROSS_DATACENTER",
          edit(ZONE, "wikikube-worker-exp1001.eqiad.wmnet.", "wikikube-worker-exp2001.codfw.wmnet. ; BUG: CROSS_DATACENTER"),
          edit(LUA, BACKEND_LINE, BACKEND_LINE + "  -- BUG: CROSS_DATACENTER")),
      compiled("COVERAGE",
          edit(DEPLOYMENT, "  replicas: 1\n", "  replicas: 3  # BUG: COVERAGE\n")),
      // Service-wide findings stand at the Service's first line.
      compiled("SELECTOR",
          edit(SERVICE, "apiVersion: v1\n", "apiVersion: v1  # BUG: SELECTOR\n"),
          edit(SERVICE, "  selector:\n    app: mw-experimental\n", "  selector:\n    app: mw-experimental-typo\n")),
      compiled("TRAFFIC_POLICY",
          edit(SERVICE, "apiVersion: v1\n", "apiVersion: v1  # BUG: TRAFFIC_POLICY\n"),
          edit(SERVICE, "  externalTrafficPolicy: Local\n", "  externalTrafficPolicy: Cluster\n")),
      compiled("MOUNT_PATH",
          edit(DEPLOYMENT, "            path: /srv/mediawiki\n", "            path: /srv/mediawiki-elsewhere\n"),
          edit(PROFILE, "        file { $mount_path:", "        file { $mount_path:  # BUG: MOUNT_PATH")),
      compiled("MOUNT_OWNERSHIP",
          edit(PROFILE, "'2775'", "'0755'"),
          edit(PROFILE, "            mode   => $mode,", "            mode   => $mode,  # BUG: MOUNT_OWNERSHIP")),
      compiled("SERVERGROUP",
          edit(HOST1, "profile::kubernetes::node::mw_experimental: true",
              "profile::kubernetes::node::mw_experimental: true\n"
                  + "profile::kubernetes::mediawiki_experimental::servergroup: kube-mw-elsewhere  # BUG: SERVERGROUP")),
      compiled("ALERTING",
          edit(HOST1, "profile::kubernetes::node::mw_experimental: true",
              "profile::kubernetes::node::mw_experimental: true\n"
                  + "profile::kubernetes::mediawiki_experimental::alerting: true  # BUG: ALERTING")),
      compiled("DUPLICATE_KEY",
          edit(LUA, "    [\"k8s-mw-experimental-eqiad\"]", "    [\"k8s-mw-experimental-eqiad\"] = { host = \"mw-experimental.eqiad.wmnet\","
              + " port = 4456 },  -- BUG: DUPLICATE_KEY\n            [\"k8s-mw-experimental-eqiad\"]")),
      // A backend the model does not have; routed, so debug.json should list it too.
      compiled("BACKEND",
          edit(LUA, "    [\"k8s-mw-experimental-eqiad\"]", "    [\"k8s-mw-experimental-extra\"] = { host = \"mw-experimental.eqiad.wmnet\","
              + " port = 4456 },  -- BUG: BACKEND -- BUG@mediawiki-config/debug.json: DEBUG_LIST\n            [\"k8s-mw-experimental-eqiad\"]")),
      // A host with its switch on in a datacenter that runs no mw-experimental workload; as a new
      // routed host, it also wants a node stanza and a debug.json entry.
      compiled("DATACENTER",
          edit(LUA, "    [\"k8s-mw-experimental-eqiad\"]", "    [\"k8s-mw-experimental-esams\"] = { host = \"wikikube-worker-exp3001.esams.wmnet\","
              + " port = 4456 },  -- BUG: DATACENTER -- BUG: BACKEND -- BUG@puppet/manifests/site.pp: NODE_STANZA"
              + " -- BUG@mediawiki-config/debug.json: DEBUG_LIST\n            [\"k8s-mw-experimental-eqiad\"]"),
          edit("puppet/hieradata/hosts/wikikube-worker-exp3001.yaml", null, "profile::kubernetes::node::mw_experimental: true\n")),
      // A zone gone: one MISSING, none of its knock-ons.
      compiled("MISSING",
          edit(ZONE, "", null),
          edit(HOST1, "profile::kubernetes::node::mw_experimental: true",
              "profile::kubernetes::node::mw_experimental: true  # BUG@dns/templates/wmnet: MISSING")),
      compiled("UNREADABLE",
          edit(LUA, "jit.off(true, true)", "jit.off(true, true) = 1  -- BUG: UNREADABLE")),
      checkouts("NODE_STANZA",
          edit("puppet/manifests/site.pp", "node /^wikikube-worker-exp2001\\.codfw\\./ {\n    role(kubernetes::worker)\n}\n",
              "# BUG@puppet/manifests/site.pp: NODE_STANZA\n")),
      checkouts("DEBUG_LIST",
          edit("mediawiki-config/debug.json", "    \"k8s-mw-experimental-codfw\",\n", ""),
          edit("puppet/manifests/site.pp", "node default {", "# BUG@mediawiki-config/debug.json: DEBUG_LIST\nnode default {")),
      // The common file (shared through a link) would override what values.yaml no longer pins.
      checkouts("CHART_VALUES",
          edit("deployment-charts/helmfile.d/services/mw-experimental/values.yaml", "    enforce: false\n",
              "    # BUG@deployment-charts/helmfile.d/services/mw-experimental/global.yaml:13: CHART_VALUES\n")),
      // The policy no longer lists the code's path: the pods would be rejected (the list sits in CEL,
      // where a comment cannot go, so the marker names its line from site.pp).
      checkouts("ADMISSION",
          edit("deployment-charts/charts/validating-admission-policies/templates/custom-policies/"
              + "allow-hostpath-mw-experimental/allow-hostpath-mw-experimental.yaml", ", \"/srv/mediawiki\"", ""),
          edit("puppet/manifests/site.pp", "node default {", "# BUG@deployment-charts/charts/validating-admission-policies/"
              + "templates/custom-policies/allow-hostpath-mw-experimental/allow-hostpath-mw-experimental.yaml:22: ADMISSION\n"
              + "node default {")),
      // mcrouter no longer tolerates NoExecute: the spec's taint and each host's.
      checkouts("COMPANION",
          edit("deployment-charts/helmfile.d/services/mw-mcrouter/values.yaml",
              "tolerations:\n  - key: dedicated\n    value: mw-experimental\n    effect: NoExecute\n",
              "tolerations:  # BUG: COMPANION\n  - key: dedicated\n    value: mw-experimental\n    effect: PreferNoSchedule\n")),
      // A rule of operations/alerts that would page for mw-experimental's httpd.
      checkouts("NO_ALERT",
          edit("alerts/team-sre/httpd.yaml", null, """
              # deploy-tag: k8s
              groups:
                - name: httpd
                  rules:
                    - alert: HttpdDown
                      expr: apache_up{app="mediawiki"} == 0  # BUG: NO_ALERT
                      for: 5m
              """)));

  @Test
  void everyLinkHasItsGoldenCase() {
    TreeSet<String> links = new TreeSet<>();
    for (dev.mwexp.consistency.Link l : dev.mwexp.consistency.Link.all()) {
      links.add(l.name());
    }
    TreeSet<String> covered = new TreeSet<>();
    CASES.forEach(c -> covered.add(c.name()));
    assertThat(covered).containsAll(links);
  }

  @Test
  void eachCaseReportsExactlyItsMarkers() throws Exception {
    Map<String, String> compiled = Exporters.compile(Spec.defaultSetup(), List.of("hiera", "k8s", "ats", "dns")).files();
    int n = 0;
    List<String> failures = new java.util.ArrayList<>();
    for (Case c : CASES) {
      Path tree = tmp.resolve("case" + n++ + "-" + c.name());
      if (c.checkouts()) {
        Fixtures.copy(tree);
      } else {
        for (Map.Entry<String, String> f : compiled.entrySet()) {
          Path p = tree.resolve(f.getKey());
          Files.createDirectories(p.getParent());
          Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
      }
      for (Edit e : c.edits()) {
        Path file = tree.resolve(e.file());
        if (e.from() == null) {
          Files.createDirectories(file.getParent());
          Files.writeString(file, e.to());
          continue;
        }
        if (e.to() == null) {
          Files.delete(file);
          continue;
        }
        String text = Files.readString(file);
        assertThat(text).as(c.name() + " " + e.file()).contains(e.from());
        Files.writeString(file, e.from().isEmpty() ? text : text.replaceFirst(java.util.regex.Pattern.quote(e.from()),
            java.util.regex.Matcher.quoteReplacement(e.to())));
      }
      try {
        GoldenChecks.assertExactly(GoldenChecks.markers(tree),
            c.checkouts() ? GoldenChecks.checkCheckouts(tree) : GoldenChecks.check(tree), c.name());
      } catch (AssertionError e) {
        failures.add(e.getMessage());
      }
    }
    assertThat(failures).as("every case's failure, one each").isEmpty();
  }
}
