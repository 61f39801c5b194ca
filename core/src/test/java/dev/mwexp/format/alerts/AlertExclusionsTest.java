package dev.mwexp.format.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.model.SeriesFamily;
import dev.mwexp.spec.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exclusions in the rule files' own style, on fixtures shaped like operations/alerts' (859092e). */
class AlertExclusionsTest {

  private static final Path ALERTS = Path.of("../fixtures/alerts-today");
  private static final List<SeriesFamily> FAMILIES = SeriesFamily.of(Spec.defaultSetup());

  private static String read(String file) throws Exception {
    return Files.readString(ALERTS.resolve(file));
  }

  /** The lines that changed, before → after. */
  private static List<String> changed(String before, String after) {
    List<String> a = before.lines().toList();
    List<String> b = after.lines().toList();
    assertThat(b).as("lines are only edited, never added or removed").hasSameSizeAs(a);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equals(b.get(i))) {
        out.add(a.get(i).strip() + " → " + b.get(i).strip());
      }
    }
    return out;
  }

  private static String exclude(String text) throws Exception {
    return AlertExclusions.exclude("f.yaml", text, FAMILIES);
  }

  @Test
  void extendsNegativeRegexesAndAddsMatchersWhereThereAreNone() throws Exception {
    String before = read("team-sre/mw-on-k8s.yaml");
    String after = exclude(before);
    List<String> changed = changed(before, after);
    // The two PHPFPMTooBusy expressions (4 selectors), httpd's two lines, latency's two.
    assertThat(changed).hasSize(6);
    assertThat(after).contains("deployment!~\"mw-jobrunner|mw-debug|mw-experimental\"}) / sum")
        .contains("apache_up{app=\"mediawiki\", deployment!=\"mw-experimental\"}) by (deployment, release)\n")
        .contains("deployment!~\"mw-jobrunner|mw-parsoid|mw-experimental\"}[2m])")
        // The job runners' rule cannot select mw-experimental; the recording rule is no alert.
        .contains("deployment=\"mw-jobrunner\"}) <= 0.1")
        .contains("(phpfpm_processes_total{state=\"active\"}) / sum by (deployment) (phpfpm_processes_total)\n");
    assertThat(after.replace("|mw-experimental", "").replace(", deployment!=\"mw-experimental\"", ""))
        .isEqualTo(before);
    assertThat(exclude(after)).as("a second run changes nothing").isEqualTo(after);
    assertThat(Exposures.judge(RuleFile.read("f", after), FAMILIES).exposures()).isEmpty();
  }

  @Test
  void eachLabelAsItsSeriesCarryIt() throws Exception {
    String before = read("team-sre/kubernetes.yaml");
    String after = exclude(before);
    assertThat(changed(before, after)).containsExactly(
        "expr: sum(kube_deployment_status_replicas_unavailable{namespace!=\"shellbox-video\"}) by (namespace, deployment) > 0"
            + " → expr: sum(kube_deployment_status_replicas_unavailable{namespace!=\"shellbox-video\","
            + " namespace!=\"mw-experimental\"}) by (namespace, deployment) > 0",
        "expr: (kube_pod_container_status_restarts_total - kube_pod_container_status_restarts_total offset 10m >= 2)"
            + " and min_over_time(kube_pod_container_status_last_terminated_exitcode[10m]) == 137"
            + " → expr: (kube_pod_container_status_restarts_total{namespace!=\"mw-experimental\"}"
            + " - kube_pod_container_status_restarts_total{namespace!=\"mw-experimental\"} offset 10m >= 2)"
            + " and min_over_time(kube_pod_container_status_last_terminated_exitcode{namespace!=\"mw-experimental\"}[10m]) == 137",
        "expr: (container_memory_working_set_bytes{container!~\"POD|\", namespace!~\"linkrecommendation|mw-mcrouter\"}"
            + " / (container_spec_memory_limit_bytes{container!~\"POD|\", namespace!~\"linkrecommendation|mw-mcrouter\"} > 0)) > 0.95"
            + " → expr: (container_memory_working_set_bytes{container!~\"POD|\", namespace!~\"linkrecommendation|mw-mcrouter|mw-experimental\"}"
            + " / (container_spec_memory_limit_bytes{container!~\"POD|\", namespace!~\"linkrecommendation|mw-mcrouter|mw-experimental\"} > 0)) > 0.95");
  }

  @Test
  void logDerivedSeriesByServergroupInASingleQuotedScalar() throws Exception {
    String before = read("team-sre/mediawiki.yaml");
    assertThat(changed(before, exclude(before))).containsExactly(
        "expr: sum(log_mediawiki_servergroup_level_channel_doc_count{channel=\"memcached\", level=\"ERROR\"}) > 5000"
            + " → expr: sum(log_mediawiki_servergroup_level_channel_doc_count{channel=\"memcached\", level=\"ERROR\","
            + " servergroup!=\"kube-mw-experimental\"}) > 5000",
        "expr: 'sum(log_mediawiki_servergroup_level_channel_doc_count{channel=~\"(fatal|exception)\", level=\"ERROR\"}) by (servergroup) > 100'"
            + " → expr: 'sum(log_mediawiki_servergroup_level_channel_doc_count{channel=~\"(fatal|exception)\", level=\"ERROR\","
            + " servergroup!=\"kube-mw-experimental\"}) by (servergroup) > 100'");
  }

  @Test
  void theRefreshUnitIsExcludedByNameInALiteralBlockWithComments() throws Exception {
    String before = read("team-sre/systemd.yaml");
    assertThat(changed(before, exclude(before))).containsExactly("instance_name:node_systemd_unit_state_failed:count1"
        + " → instance_name:node_systemd_unit_state_failed:count1{name!=\"mw-experimental-mediawiki-image-update.service\"}");
  }

  @Test
  void rulesThatCannotSelectItAndHostLevelRulesAreLeftAlone() throws Exception {
    for (String file : List.of("team-sre/node.yaml", "team-data-engineering/eventgate.yaml", "team-sre/mw-on-k8s_test.yaml")) {
      assertThat(exclude(read(file))).as(file).isEqualTo(read(file));
    }
  }

  @Test
  void aDoubleQuotedScalarGetsEscapedQuotes() throws Exception {
    String before = "groups:\n- name: g\n  rules:\n  - alert: A\n    expr: \"apache_up{app=\\\"mediawiki\\\"} == 0\"\n";
    String after = exclude(before);
    assertThat(after).isEqualTo(
        "groups:\n- name: g\n  rules:\n  - alert: A\n    expr: \"apache_up{app=\\\"mediawiki\\\", deployment!=\\\"mw-experimental\\\"} == 0\"\n");
    assertThat(RuleFile.read("f", after).alertingRules().get(0).exprValue())
        .isEqualTo("apache_up{app=\"mediawiki\", deployment!=\"mw-experimental\"} == 0");
  }

  @Test
  void anEmojiEarlierInTheFileDoesNotMoveTheMatcher() throws Exception {
    String rule = "# \uD83D\uDC4B\ngroups:\n- name: g\n  rules:\n  - alert: A\n    expr: apache_up == 0\n";
    assertThat(exclude(rule)).endsWith("expr: apache_up{deployment!=\"mw-experimental\"} == 0\n");
  }

  @Test
  void aFileAnotherPrometheusLoadsIsNotJudgedForSeriesItCannotSee() throws Exception {
    String rule = "groups:\n- name: g\n  rules:\n  - alert: A\n    expr: apache_up == 0\n";
    assertThat(exclude("# deploy-tag: analytics\n" + rule)).isEqualTo("# deploy-tag: analytics\n" + rule);
    assertThat(exclude("# deploy-tag: k8s*\n" + rule)).contains("apache_up{deployment!=\"mw-experimental\"} == 0");
    assertThat(exclude("# deploy-tag: global\n" + rule)).contains("deployment!=");
    assertThat(exclude(rule)).as("no tag: every site-local Prometheus").contains("deployment!=");
  }
}
