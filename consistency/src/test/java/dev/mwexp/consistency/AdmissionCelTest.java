package dev.mwexp.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mwexp.format.yaml.YamlDocument;
import dev.mwexp.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The environment is Kubernetes 1.30's as far as cel-java has it: every expression of
 * deployment-charts' admission policies compiles, and what Kubernetes would refuse is refused.
 */
class AdmissionCelTest {

  private static final String POLICIES = "charts/validating-admission-policies/templates";

  /** Every validation, variable and match condition of every ValidatingAdmissionPolicy under {@code dir}. */
  private static List<String> expressions(Path dir) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/.chainsaw-test/"))
          .sorted().toList()) {
        for (YamlDocument doc : YamlDocument.readAll(f.toString(), Files.readString(f))) {
          if (!doc.root().path("kind").asText().equals("ValidatingAdmissionPolicy")) {
            continue;
          }
          for (String field : List.of("validations", "variables", "matchConditions")) {
            for (JsonNode e : doc.root().path("spec").path(field)) {
              found.add(e.path("expression").asText());
            }
          }
        }
      }
    }
    return found;
  }

  private static List<String> errors(List<String> expressions) {
    return expressions.stream().map(AdmissionCel::compile).filter(c -> c.error() != null).map(c -> c.error()).toList();
  }

  @Test
  void everyExpressionOfTheFixtureChartsPoliciesCompiles() throws IOException {
    List<String> all = expressions(Fixtures.realRepos().resolve("deployment-charts").resolve(POLICIES));
    assertThat(all).hasSize(6).anyMatch(e -> e.contains(".?")).anyMatch(e -> e.contains("variables."));
    assertThat(errors(all)).isEmpty();
  }

  /** Opt-in: {@code MWEXP_REAL_DEPLOYMENT_CHARTS} names a checkout of operations/deployment-charts (56 at 66ce6e0b5). */
  @Test
  void everyExpressionOfTheRealChartsPoliciesCompiles() throws IOException {
    String real = System.getenv("MWEXP_REAL_DEPLOYMENT_CHARTS");
    Assumptions.assumeTrue(real != null && !real.isBlank(), "MWEXP_REAL_DEPLOYMENT_CHARTS names no checkout");
    List<String> all = expressions(Path.of(real).resolve(POLICIES));
    assertThat(all).isNotEmpty();
    assertThat(errors(all)).isEmpty();
  }

  @Test
  void whatKubernetesRefusesIsRefused() {
    // Lists of one type (HomogeneousAggregateLiterals), strings at version 2 (no reverse), no two-variable
    // comprehensions before 1.32, no cel.bind.
    assertThat(AdmissionCel.compile("[1, 'a'].size() == 2").error()).isNotNull();
    assertThat(AdmissionCel.compile("'abc'.reverse() == 'cba'").error()).isNotNull();
    assertThat(AdmissionCel.compile("[1].all(i, v, v > 0)").error()).isNotNull();
    assertThat(AdmissionCel.compile("cel.bind(x, 1, x == 1)").error()).isNotNull();
  }

  @Test
  void whatKubernetesAcceptsEvaluatesAsThere() throws Exception {
    Map<String, Object> none = Map.of(AdmissionCel.OBJECT, Map.of("spec", Map.of()));
    for (String e : List.of(
        "1 < 2.5",                                          // numbers compared across types
        "object.spec.?volumes.orValue([]).size() == 0",      // optional fields
        "'Pod'.lowerAscii() == 'pod' && 'a,b'.split(',') == ['a', 'b']",
        "sets.contains(['a', 'b'], ['b'])")) {
      AdmissionCel.Compiled c = AdmissionCel.compile(e);
      assertThat(c.error()).as(e).isNull();
      assertThat(c.program().eval(none)).as(e).isEqualTo(true);
    }
  }

  @Test
  void kubernetesOwnFunctionsAreNamedWithTheirLibrary() {
    assertThat(AdmissionCel.compile("isURL('https://example.org')").error())
        .startsWith("uses isURL from Kubernetes' URL library, which mwexp's CEL engine (cel-java) does not have");
    assertThat(AdmissionCel.compile("authorizer.group('').resource('pods').check('create').allowed()").error())
        .startsWith("uses authorizer from Kubernetes' authorizer library");
    assertThat(AdmissionCel.compile("object.spec.nodeName.matches(").error()).doesNotContain("Kubernetes'");
  }

  @Test
  void aValidationReadsTheVariablesItNames() {
    assertThat(AdmissionCel.compile("variables.a.all(x, x in variables.b) && object.variables.c == 1").variables())
        .containsExactly("a", "b");
  }
}
