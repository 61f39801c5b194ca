package dev.mwexp.tests.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mwexp.export.Exporters;
import dev.mwexp.fragment.Repository;
import dev.mwexp.k8s.chart.TrafficPolicyChartChange;
import dev.mwexp.model.Setup;
import dev.mwexp.repos.Checkouts;
import dev.mwexp.repos.Sync;
import dev.mwexp.spec.Spec;
import dev.mwexp.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opt-in chart change, rendered by real Helm: every release of the mediawiki chart under
 * {@code helmfile.d/services/mw-*}, in eqiad and codfw, before and after. mw-experimental's
 * Services come out with both traffic policies Local; every other release renders byte for byte
 * as before, the chart id label aside ({@code mediawiki-<version>}, which any version bump moves).
 * On the fixture (a mediawiki chart and modules in these tests' own words, shaped like
 * operations/deployment-charts 66ce6e0b5), and on a real checkout when
 * {@code MWEXP_REAL_DEPLOYMENT_CHARTS} names one (it is copied, never changed).
 */
class MediawikiChartChangeTest {

  private static final String CHART = "wmf-stable/mediawiki";
  private static final Pattern CHART_VERSION = Pattern.compile("(?m)^version: (\\S+)");

  @TempDir Path tmp;

  @Test
  void theFixturesReleasesRenderAsBeforeAndMwExperimentalsServiceKeepsTrafficLocal() throws Exception {
    Path checkout = Fixtures.copyTree(Fixtures.realRepos().resolve("deployment-charts"), tmp.resolve("dc"));
    Result r = changeAndRender(checkout);
    assertThat(r.others).as("the fixture's other releases").isGreaterThanOrEqualTo(6);
    assertThat(r.failedBoth).as("releases helm could not render").isZero();
  }

  /** Issue 25: two hosts in eqiad need both policies Local, which today's chart cannot render. */
  @Test
  void checkReportsTrafficPolicyForTwoHostsUntilTheChartChangeIsApplied() throws Exception {
    Map<String, Path> dirs = Fixtures.copy(tmp.resolve("repos"));
    Map<Repository, Path> roots = new TreeMap<>();
    dev.mwexp.consistency.ArtifactTrees.Builder trees = dev.mwexp.consistency.ArtifactTrees.builder();
    for (Repository r : Repository.all()) {
      if (r.builtIn()) {
        roots.put(r, dirs.get(r.directory()));
        trees.repository(r, dirs.get(r.directory()));
      }
    }
    Setup setup = twoHostsInEqiad();
    Sync.plan(Exporters.fragments(setup), Checkouts.of(roots)).write();
    String report = dev.mwexp.consistency.RoutingConsistency.check(trees.build(), setup).format();
    assertThat(report).contains("TRAFFIC_POLICY eqiad: expected type NodePort, externalTrafficPolicy Local,"
            + " internalTrafficPolicy Local, found type NodePort, externalTrafficPolicy Cluster, internalTrafficPolicy Cluster")
        .contains("[deployment-charts/helmfile.d/services/mw-experimental/values.yaml:14,"
            + " deployment-charts/charts/mediawiki/templates/vendor/mesh/service_1.1.0.tpl:11]")
        .doesNotContain("TRAFFIC_POLICY codfw");
    List<String> written = Sync.plan(Exporters.fragments(setup, List.of(TrafficPolicyChartChange.NAME)),
        Checkouts.of(roots)).write();
    // The new module, module.json, the CHANGELOG; the vendored file out and in, both pins, Chart.yaml, the CI case.
    assertThat(written).hasSize(9);
    assertThat(dev.mwexp.consistency.RoutingConsistency.check(trees.build(), setup).format())
        .doesNotContain("TRAFFIC_POLICY");
    assertThat(Sync.plan(Exporters.fragments(setup, List.of(TrafficPolicyChartChange.NAME)), Checkouts.of(roots))
        .isEmpty()).as("a second sync with the change finds nothing to do").isTrue();
  }

  @Test
  void todaysCheckoutsReleasesRenderAsBefore() throws Exception {
    String real = System.getenv("MWEXP_REAL_DEPLOYMENT_CHARTS");
    Assumptions.assumeTrue(real != null && !real.isBlank(), "MWEXP_REAL_DEPLOYMENT_CHARTS names no checkout");
    Path checkout = Fixtures.copyTree(Path.of(real), tmp.resolve("dc"));
    Result r = changeAndRender(checkout);
    System.out.println("MediawikiChartChangeTest: " + r.others + " other releases rendered identically ("
        + r.failedBoth + " failing alike before and after), " + r.mwExperimental + " of mw-experimental with Local");
    assertThat(r.others).isGreaterThan(20);
  }

  private record Result(int others, int failedBoth, int mwExperimental) {}

  private Result changeAndRender(Path checkout) throws Exception {
    List<HelmfileReleases> releases = HelmfileReleases.of(checkout, CHART, List.of("eqiad", "codfw"),
        Path.of("src/test/resources/helmfile-defaults").toAbsolutePath());
    assertThat(releases).as("releases of " + CHART).anyMatch(r -> r.service().equals("mw-experimental"));
    Path chart = checkout.resolve("charts/mediawiki");
    String before = version(chart);
    Map<String, String> rendered = new TreeMap<>();
    for (HelmfileReleases r : releases) {
      rendered.put(r.toString(), r.render(chart));
    }
    Setup setup = twoHostsInEqiad();
    List<String> written = Sync.plan(Exporters.fragments(setup, List.of(TrafficPolicyChartChange.NAME)),
        Checkouts.of(Map.of(Repository.CHARTS, checkout))).write();
    assertThat(written).anyMatch(f -> f.contains("charts/mediawiki/package.lock"));
    String after = version(chart);
    assertThat(after).isNotEqualTo(before);
    int others = 0;
    int failedBoth = 0;
    int mwExperimental = 0;
    for (HelmfileReleases r : releases) {
      String now = r.render(chart);
      if (r.service().equals("mw-experimental")) {
        JsonNode service = services(now).stream().filter(s -> s.at("/spec/type").asText().equals("NodePort"))
            .findFirst().orElseThrow(() -> new AssertionError(r + " renders no NodePort Service:\n" + now));
        assertThat(service.at("/spec/externalTrafficPolicy").asText()).as(r.toString()).isEqualTo("Local");
        assertThat(service.at("/spec/internalTrafficPolicy").asText()).as(r.toString()).isEqualTo("Local");
        mwExperimental++;
        continue;
      }
      String was = rendered.get(r.toString());
      if (was.startsWith("helm failed: ")) {
        failedBoth++;
      }
      assertThat(now.replace("mediawiki-" + after, "mediawiki-" + before)).as(r.toString()).isEqualTo(was);
      assertThat(now).doesNotContain("TrafficPolicy");
      others++;
    }
    assertThat(mwExperimental).isEqualTo(2);
    return new Result(others, failedBoth, mwExperimental);
  }

  private static Setup twoHostsInEqiad() throws Exception {
    return Spec.parse(Spec.defaultSpecText().replace("      - wikikube-worker-exp1001.eqiad.wmnet\n",
        "      - wikikube-worker-exp1001.eqiad.wmnet\n      - wikikube-worker-exp1002.eqiad.wmnet\n"), "spec.yaml");
  }

  private static List<JsonNode> services(String rendered) throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<JsonNode> out = new ArrayList<>();
    yaml.readerFor(JsonNode.class).readValues(yaml.getFactory().createParser(rendered))
        .forEachRemaining(d -> {
          JsonNode n = (JsonNode) d;
          if (n != null && n.path("kind").asText().equals("Service")) {
            out.add(n);
          }
        });
    return out;
  }

  private static String version(Path chart) throws Exception {
    Matcher m = CHART_VERSION.matcher(Files.readString(chart.resolve("Chart.yaml")));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
