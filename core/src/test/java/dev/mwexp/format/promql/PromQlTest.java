package dev.mwexp.format.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.format.promql.PromQl.Selector;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The selectors of expressions shaped like operations/alerts' rules (team-sre/mw-on-k8s.yaml,
 * mediawiki.yaml, kubernetes-*.yaml as of 2026-08), with each matcher's place in the text.
 */
class PromQlTest {

  private static String shown(Selector s) {
    return s.metric().orElse("") + s.matchers().stream().map(m -> m.label() + m.op() + m.value()).toList();
  }

  @Test
  void selectorsOfARealShapedRuleWithTheirMatchers() throws Exception {
    String expr = """
        sum by (cluster, deployment) (
          phpfpm_statustext_processes{state="idle", deployment!~"mw-jobrunner|mw-debug|mw-parsoid"}  # idle workers
        ) / on (cluster, deployment) group_left()
        sum by (cluster, deployment) (phpfpm_statustext_processes{deployment!~`mw-debug`}) <= 0.05
        """;
    List<Selector> found = PromQl.selectors(expr);
    assertThat(found).extracting(PromQlTest::shown).containsExactly(
        "phpfpm_statustext_processes[state=idle, deployment!~mw-jobrunner|mw-debug|mw-parsoid]",
        "phpfpm_statustext_processes[deployment!~mw-debug]");
    PromQl.Matcher m = found.get(0).on("deployment").get(0);
    assertThat(expr.substring(m.start(), m.end())).isEqualTo("deployment!~\"mw-jobrunner|mw-debug|mw-parsoid\"");
    assertThat(expr.substring(m.valueStart(), m.end())).isEqualTo("\"mw-jobrunner|mw-debug|mw-parsoid\"");
    assertThat(expr.charAt(found.get(0).closeBrace())).isEqualTo('}');
  }

  @Test
  void rangesSubqueriesOffsetAtAndFunctionsAreNotSelectors() throws Exception {
    String expr = "max_over_time(rate(apache_up{app=\"mediawiki\"}[5m] offset 1h @ start())[1h:5m])"
        + " and ignoring(instance) up unless vector(1) > bool 3e2 or Inf";
    assertThat(PromQl.selectors(expr)).extracting(PromQlTest::shown)
        .containsExactly("apache_up[app=mediawiki]", "up[]");
    assertThat(PromQl.selectors("sum without (job) (kube_pod_status_phase{namespace=\"mw-experimental\"})"))
        .extracting(PromQlTest::shown).containsExactly("kube_pod_status_phase[namespace=mw-experimental]");
  }

  @Test
  void escapesBackticksAndBareBraces() throws Exception {
    List<Selector> found = PromQl.selectors("{__name__=~\"mediawiki_.*\", handler='\\'php\\''} + x{re=~`a\\.b`}");
    assertThat(found.get(0).metric()).isEqualTo(Optional.empty());
    assertThat(found).extracting(PromQlTest::shown)
        .containsExactly("[__name__=~mediawiki_.*, handler='php']", "x[re=~a\\.b]");
  }

  @Test
  void aMatcherSaysWhetherAMwExperimentalSeriesPassesIt() throws Exception {
    PromQl.Matcher excluded = PromQl.selectors("x{deployment!~\"mw-debug|mw-experimental\"}").get(0).matchers().get(0);
    PromQl.Matcher notYet = PromQl.selectors("x{deployment!~\"mw-debug|mw-parsoid\"}").get(0).matchers().get(0);
    PromQl.Matcher prefix = PromQl.selectors("x{deployment=~\"mw-.*\"}").get(0).matchers().get(0);
    assertThat(excluded.admits("mw-experimental")).isFalse();
    assertThat(notYet.admits("mw-experimental")).isTrue();
    assertThat(prefix.admits("mw-experimental")).isTrue();
    assertThat(prefix.admits("parsoid")).isFalse();
  }

  @Test
  void whatDoesNotLexSaysWhereAndWhatWouldBeValid() {
    assertThatThrownBy(() -> PromQl.selectors("up{job=\"a\""))
        .isInstanceOf(PromQl.SyntaxException.class).hasMessageContaining("'{' is never closed");
    assertThatThrownBy(() -> PromQl.selectors("up{job \"a\"}"))
        .hasMessageContaining("a matcher operator is expected after job");
    assertThatThrownBy(() -> PromQl.selectors("rate(up[5m)"))
        .hasMessageContaining("'[' is never closed");
  }
}
