package dev.mwexp.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.export.Exporters;
import dev.mwexp.format.alerts.RuleFile;
import dev.mwexp.fragment.Repository;
import dev.mwexp.model.SeriesFamily;
import dev.mwexp.model.Setup;
import dev.mwexp.repos.Checkouts;
import dev.mwexp.repos.Sync;
import dev.mwexp.spec.Spec;
import dev.mwexp.testing.Fixtures;
import dev.mwexp.testing.RealClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * operations/alerts synced, then judged by promtool, the client the repository's own CI runs: every
 * rule file still loads, the repository's tests still pass, and worst-case series of
 * mw-experimental (no idle workers, httpd down, 10⁴ errors a minute, p75 latency of seconds, OOM
 * kills, unavailable replicas) fire no alert, while the same series of mw-web fire exactly the
 * alerts they fired before the sync.
 */
class AlertsPromtoolTest {

  @TempDir static Path tmp;

  private static final Path FIXTURE = Path.of("../fixtures/alerts-today").toAbsolutePath();
  private static Setup setup;
  private static Path synced;

  @BeforeAll
  static void sync() throws Exception {
    setup = Spec.defaultSetup();
    synced = Fixtures.copyTree(FIXTURE, tmp.resolve("synced"));
    Repository alerts = Repository.all().stream().filter(r -> r.directory().equals("alerts")).findFirst().orElseThrow();
    List<String> written = Sync.plan(Exporters.fragments(setup), Checkouts.of(Map.of(alerts, synced))).write();
    assertThat(written).containsExactly("alerts/team-sre/kubernetes.yaml", "alerts/team-sre/mediawiki.yaml",
        "alerts/team-sre/mw-on-k8s.yaml", "alerts/team-sre/systemd.yaml");
  }

  @Test
  void onlyMatchersChangeEachAddingMwExperimental() throws Exception {
    for (Path file : ruleFiles(synced)) {
      String before = Files.readString(FIXTURE.resolve(synced.relativize(file)));
      String after = Files.readString(file);
      String undone = after;
      for (SeriesFamily f : SeriesFamily.of(setup)) {
        undone = undone.replace("|" + f.excludedValue() + "\"", "\"")
            .replaceAll(",\\s?" + f.excludeBy() + "!=\"" + Pattern.quote(f.excludedValue()) + "\"", "")
            .replace("{" + f.excludeBy() + "!=\"" + f.excludedValue() + "\"}", "");
      }
      assertThat(undone).as(file + " without mw-experimental's matchers").isEqualTo(before);
    }
  }

  @Test
  void promtoolChecksEveryRuleFileAndTheRepositorysOwnTestsPass() throws Exception {
    RealClients.require("promtool");
    for (Path file : ruleFiles(synced)) {
      RealClients.Result r = RealClients.run(List.of("promtool", "check", "rules", file.toString()), synced, 60);
      assertThat(r.exitCode()).as(r.output()).isZero();
    }
    try (Stream<Path> files = Files.walk(synced)) {
      List<Path> tests = files.filter(p -> p.getFileName().toString().endsWith("_test.yaml")).sorted().toList();
      assertThat(tests).isNotEmpty();
      for (Path test : tests) {
        RealClients.Result r = RealClients.run(List.of("promtool", "test", "rules", test.getFileName().toString()),
            test.getParent(), 60);
        assertThat(r.exitCode()).as(test + "\n" + r.output()).isZero();
      }
    }
  }

  @Test
  void worstCaseSeriesOfMwExperimentalFireNothingAndMwWebsFireAsBefore() throws Exception {
    RealClients.require("promtool");
    Path original = Fixtures.copyTree(FIXTURE, tmp.resolve("original"));
    // Before the sync, mw-experimental's worst case pages: the test can fail.
    assertThat(fired(original, "mw-experimental")).contains("HttpdUnreachable", "MediaWikiHighErrorRate",
        "PHPFPMTooBusy", "MediaWikiLatencyExceeded", "KubernetesContainerOomKilled",
        "KubernetesDeploymentUnavailableReplicas", "KubernetesContainerReachingMemoryLimit",
        "MediaWikiMemcachedHighErrorRate", "SystemdUnitFailed");
    assertThat(fired(synced, "mw-experimental")).isEmpty();
    List<String> webBefore = firedWithLabels(original, "mw-web");
    assertThat(fired(synced, "mw-web")).as("the others still page").contains("HttpdUnreachable", "MediaWikiHighErrorRate",
        "PHPFPMTooBusy", "KubernetesContainerOomKilled");
    assertThat(firedWithLabels(synced, "mw-web")).isEqualTo(webBefore);
  }

  /** The names of the alerts the worst-case series of {@code deployment} fire, over every rule file. */
  private static TreeSet<String> fired(Path repo, String deployment) throws Exception {
    TreeSet<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("alertname: (\\w+), time").matcher(String.join("\n", runWorstCase(repo, deployment)));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Every fired alert with its labels, as promtool prints them. */
  private static List<String> firedWithLabels(Path repo, String deployment) throws Exception {
    List<String> out = new ArrayList<>();
    for (String output : runWorstCase(repo, deployment)) {
      output.lines().filter(l -> l.contains("Labels:{")).map(String::strip).sorted().forEach(out::add);
    }
    return out;
  }

  /** promtool's output for a test per team directory expecting no alert at all, 80 minutes in. */
  private static List<String> runWorstCase(Path repo, String deployment) throws Exception {
    List<String> outputs = new ArrayList<>();
    Map<Path, List<Path>> byDir = new TreeMap<>();
    for (Path file : ruleFiles(repo)) {
      byDir.computeIfAbsent(file.getParent(), d -> new ArrayList<>()).add(file);
    }
    for (Map.Entry<Path, List<Path>> dir : byDir.entrySet()) {
      StringBuilder test = new StringBuilder("rule_files:\n");
      TreeSet<String> alerts = new TreeSet<>();
      for (Path file : dir.getValue()) {
        test.append("  - ").append(file.getFileName()).append('\n');
        RuleFile.read(file.toString(), Files.readString(file)).alertingRules().forEach(r -> alerts.add(r.alert()));
      }
      test.append("evaluation_interval: 1m\ntests:\n  - interval: 1m\n    input_series:\n");
      for (String[] series : worstCase(deployment)) {
        test.append("      - series: '").append(series[0]).append("'\n        values: '").append(series[1]).append("'\n");
      }
      test.append("    alert_rule_test:\n");
      for (String alert : alerts) {
        test.append("      - eval_time: 80m\n        alertname: ").append(alert).append("\n        exp_alerts: []\n");
      }
      Path file = Files.writeString(dir.getKey().resolve("zz-worst-case_test.yaml"), test.toString());
      RealClients.Result r = RealClients.run(List.of("promtool", "test", "rules", file.getFileName().toString()),
          dir.getKey(), 120);
      Files.delete(file);
      assertThat(r.output()).as("promtool ran the test").doesNotContain("could not", "Unmarshal", "parse error");
      outputs.add(r.output());
    }
    return outputs;
  }

  /**
   * Series as a broken MediaWiki deployment exports them, labelled as the model says its series are
   * (mw-experimental's own, or another deployment's by the same families with its name).
   */
  private static List<String[]> worstCase(String deployment) throws Exception {
    Setup who = deployment.equals(setup.service().namespace()) ? setup
        : Spec.parse(Spec.defaultSpecText().replace("mw-experimental", deployment), "spec.yaml");
    Map<String, String> labelsByFamily = new TreeMap<>();
    for (SeriesFamily f : SeriesFamily.of(who)) {
      StringBuilder labels = new StringBuilder();
      f.labels().forEach((k, v) -> labels.append(", ").append(k).append("=\"").append(v).append('"'));
      labelsByFamily.put(f.name(), labels.toString());
    }
    String pods = labelsByFamily.get("pods");
    String ksm = labelsByFamily.get("kube-state-metrics");
    String cadvisor = labelsByFamily.get("cadvisor");
    String logs = labelsByFamily.get("mediawiki-logs");
    String unit = labelsByFamily.get("refresh-unit");
    return List.of(
        new String[] {"phpfpm_processes_total{state=\"idle\", routed_via=\"main\"" + pods + "}", "0x90"},
        new String[] {"phpfpm_processes_total{state=\"active\", routed_via=\"main\"" + pods + "}", "50x90"},
        new String[] {"apache_up{pod=\"p1\"" + pods + "}", "0x90"},
        new String[] {"envoy_cluster_upstream_rq_time_bucket{le=\"1000\", envoy_cluster_name=\"local_service\", routed_via=\"main\""
            + pods + "}", "0x90"},
        new String[] {"envoy_cluster_upstream_rq_time_bucket{le=\"10000\", envoy_cluster_name=\"local_service\", routed_via=\"main\""
            + pods + "}", "0+100000x90"},
        new String[] {"envoy_cluster_upstream_rq_time_bucket{le=\"+Inf\", envoy_cluster_name=\"local_service\", routed_via=\"main\""
            + pods + "}", "0+100000x90"},
        new String[] {"envoy_cluster_upstream_rq_time_count{envoy_cluster_name=\"local_service\", routed_via=\"main\"" + pods + "}",
            "0+100000x90"},
        new String[] {"kube_deployment_status_replicas_unavailable{deployment=\"" + deployment + ".eqiad.pinkllama\"" + ksm + "}",
            "1x90"},
        new String[] {"kube_pod_container_status_restarts_total{pod=\"p1\", container=\"mediawiki\"" + ksm + "}", "0+1x90"},
        new String[] {"kube_pod_container_status_last_terminated_exitcode{pod=\"p1\", container=\"mediawiki\"" + ksm + "}",
            "137x90"},
        new String[] {"container_memory_working_set_bytes{pod=\"p1\", container=\"mediawiki\"" + cadvisor + "}", "99x90"},
        new String[] {"container_spec_memory_limit_bytes{pod=\"p1\", container=\"mediawiki\"" + cadvisor + "}", "100x90"},
        new String[] {"log_mediawiki_servergroup_level_channel_doc_count{channel=\"fatal\", level=\"ERROR\"" + logs + "}",
            "10000x90"},
        new String[] {"log_mediawiki_servergroup_level_channel_doc_count{channel=\"memcached\", level=\"ERROR\"" + logs + "}",
            "10000x90"},
        // The refresh's unit failed, on a host whose units the ServiceOps team owns.
        new String[] {"instance_name:node_systemd_unit_state_failed:count1{instance=\"exp1001:9100\"" + unit + "}", "1x90"},
        new String[] {"systemd_unit_owner{instance=\"exp1001:9100\", team=\"serviceops\"" + unit + "}", "1x90"});
  }

  private static List<Path> ruleFiles(Path repo) throws Exception {
    try (Stream<Path> files = Files.walk(repo)) {
      return files.filter(p -> p.getParent().getFileName().toString().startsWith("team-"))
          .filter(p -> RuleFile.isRuleFile(p.getFileName().toString())).sorted().toList();
    }
  }


}
