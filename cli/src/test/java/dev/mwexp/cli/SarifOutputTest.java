package dev.mwexp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.mwexp.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: --output sarif is SARIF 2.1.0 by its published schema, with each finding at its line. */
class SarifOutputTest {

  /** The official schema, from the npm package .ci/tools.d/cli.sh fetches. */
  static final Path SCHEMA = Path.of("/usr/local/share/mwexp-test/sarif-2.1.0-rtm.5.json");

  @TempDir Path tmp;

  private static JsonSchema schema;

  @BeforeAll
  static void schema() throws Exception {
    boolean present = Files.isRegularFile(SCHEMA);
    if (!present && System.getenv("CI") != null) {
      throw new AssertionError(SCHEMA + " is missing; .ci/tools.d/cli.sh fetches it");
    }
    assumeTrue(present, SCHEMA + " is missing (.ci/tools.d/cli.sh fetches it)");
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
        .getSchema(new ObjectMapper().readTree(SCHEMA.toFile()));
  }

  private static JsonNode sarif(int expectedCode, String... args) throws Exception {
    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
    assertThat(code).isEqualTo(expectedCode);
    JsonNode log = new ObjectMapper().readTree(out.toString());
    assertThat(schema.validate(log)).as(out.toString()).isEmpty();
    return log;
  }

  @Test
  void validateAndCheckWriteValidSarif() throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.yaml"), "service:\n  port: 80\ndatacenters:\n  eqiad:\n    hosts: [localhost]\n");
    JsonNode problems = sarif(1, "validate", bad.toString(), "--output", "sarif");
    assertThat(problems.at("/runs/0/results")).hasSize(2);
    assertThat(problems.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
    assertThat(problems.at("/runs/0/results/0/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(9);

    Map<String, Path> roots = Fixtures.copy(tmp.resolve("repos"));
    Path values = roots.get("deployment-charts").resolve("helmfile.d/services/mw-experimental/values.yaml");
    Files.writeString(values, Files.readString(values).replace("  rollingUpdate: ~\n", ""));
    JsonNode check = sarif(1, "check", "--puppet", roots.get("puppet").toString(), "--charts", roots.get("deployment-charts").toString(),
        "--dns", roots.get("dns").toString(), "--mediawiki-config", roots.get("mediawiki-config").toString(), "--output", "sarif");
    assertThat(check.at("/runs/0/tool/driver/rules/0/id").asText()).isEqualTo("CHART_VALUES");
    assertThat(check.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("deployment-charts/helmfile.d/services/mw-experimental/global.yaml");

    JsonNode clean = sarif(0, "validate", "--output", "sarif");
    assertThat(clean.at("/runs/0/results")).isEmpty();
  }

  private static String run(int expectedCode, String... args) {
    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
    assertThat(code).as(out.toString()).isEqualTo(expectedCode);
    return out.toString();
  }

  /**
   * Issue 29: one run's findings, drift included, are the same in SARIF, JSON and text. Before,
   * a check whose only finding was drift printed 0 SARIF results and exited 1.
   */
  @Test
  void sarifJsonAndTextListTheSameDiagnosticsDriftIncluded() throws Exception {
    Map<String, Path> roots = Fixtures.copy(tmp.resolve("drift"));
    Path profile = roots.get("puppet").resolve("modules/profile/manifests/kubernetes/mediawiki_experimental.pp");
    // A comment in a file mwexp owns whole: drift, and no broken link.
    Files.writeString(profile, Files.readString(profile) + "# hand edit\n");
    Path site = roots.get("puppet").resolve("manifests/site.pp");
    String[] checkouts = {"--puppet", roots.get("puppet").toString(), "--charts", roots.get("deployment-charts").toString(),
        "--dns", roots.get("dns").toString(), "--mediawiki-config", roots.get("mediawiki-config").toString()};
    String spec = Path.of("../examples/mw-experimental.yaml").toAbsolutePath().normalize().toString();
    String[] base = java.util.stream.Stream.concat(java.util.stream.Stream.of("check", spec), java.util.Arrays.stream(checkouts))
        .toArray(String[]::new);

    JsonNode sarif = sarif(1, java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.stream.Stream.of("--output", "sarif"))
        .toArray(String[]::new));
    assertThat(sarif.at("/runs/0/results")).hasSize(1);
    assertThat(sarif.at("/runs/0/results/0/ruleId").asText()).isEqualTo("DRIFT");
    assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("puppet/modules/profile/manifests/kubernetes/mediawiki_experimental.pp");
    assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt()).isPositive();

    JsonNode json = new ObjectMapper().readTree(run(1, java.util.stream.Stream.concat(java.util.Arrays.stream(base),
        java.util.stream.Stream.of("--output", "json")).toArray(String[]::new)));
    assertThat(json.at("/diagnostics")).hasSize(1);
    assertThat(json.at("/diagnostics/0/id").asText()).isEqualTo("DRIFT");
    assertThat(json.at("/diagnostics/0/positions/0/line").asInt())
        .isEqualTo(sarif.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt());
    assertThat(json.at("/diagnostics/0/fix").asText()).contains("-# hand edit");

    String text = run(1, base);
    assertThat(text).endsWith("0 violations, 1 differences\n");

    // And with a broken link beside the drift: two findings in each output, in the same order.
    Files.writeString(site, Files.readString(site).replace("node /^wikikube-worker-exp2001\\.codfw\\./ {\n    role(kubernetes::worker)\n}\n", ""));
    JsonNode both = sarif(1, java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.stream.Stream.of("--output", "sarif"))
        .toArray(String[]::new));
    JsonNode bothJson = new ObjectMapper().readTree(run(1, java.util.stream.Stream.concat(java.util.Arrays.stream(base),
        java.util.stream.Stream.of("--output", "json")).toArray(String[]::new)));
    List<String> sarifIds = new java.util.ArrayList<>();
    both.at("/runs/0/results").forEach(r -> sarifIds.add(r.path("ruleId").asText()));
    List<String> jsonIds = new java.util.ArrayList<>();
    bothJson.at("/diagnostics").forEach(d -> jsonIds.add(d.path("id").asText()));
    assertThat(sarifIds).isEqualTo(jsonIds).contains("NODE_STANZA", "DRIFT");
  }
}
