package dev.mwexp.spec;

import static dev.mwexp.spec.Problems.HOST;
import static dev.mwexp.spec.Problems.MINIMAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.model.Datacenter;
import dev.mwexp.model.Route;
import dev.mwexp.model.Scheduling;
import dev.mwexp.model.Setup;
import dev.mwexp.model.Taint;
import dev.mwexp.validation.Problem;
import dev.mwexp.validation.Problem.Kind;
import dev.mwexp.validation.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {

  @Test
  void minimalSpecGetsTheWikimediaDefaults() throws Exception {
    Setup setup = Spec.parse(MINIMAL, "spec.yaml");

    assertThat(setup.service().name()).isEqualTo("mw-experimental");
    assertThat(setup.service().namespace()).isEqualTo("mw-experimental");
    assertThat(setup.service().servergroup()).isEqualTo("kube-mw-experimental");
    assertThat(setup.service().port()).isEqualTo(4456);
    assertThat(setup.service().mountPath()).isEqualTo("/srv/mediawiki");
    assertThat(setup.service().php().opcacheValidateTimestamps()).isTrue();
    assertThat(setup.service().alerting()).isFalse();
    assertThat(setup.scheduling().nodeLabel().format()).isEqualTo("dedicated=mw-experimental");
    assertThat(setup.scheduling().taints())
        .extracting(Taint::format)
        .containsExactly("dedicated=mw-experimental:NoExecute", "dedicated=mw-experimental:NoSchedule");
    assertThat(setup.scheduling().workload()).isEqualTo(Scheduling.Workload.DEPLOYMENT);
    assertThat(setup.deployers().mountMode()).isEqualTo("2775");
    assertThat(setup.deployers().group()).isEqualTo("deployment");
    assertThat(setup.deployers().switchKey()).isEqualTo("profile::kubernetes::node::mw_experimental");
    Datacenter eqiad = setup.datacenter("eqiad").orElseThrow();
    assertThat(eqiad.cname().name()).isEqualTo("mw-experimental.eqiad.wmnet");
    assertThat(eqiad.cname().target()).isEqualTo(HOST);
    assertThat(eqiad.cname().ttl()).isEqualTo(3600);
  }

  @Test
  void builtInDefaultIsTheRealSetup() {
    Setup setup = Spec.defaultSetup();

    assertThat(setup.allHosts())
        .containsExactly("wikikube-worker-exp2001.codfw.wmnet", "wikikube-worker-exp1001.eqiad.wmnet");
    assertThat(setup.routes())
        .extracting(r -> r.backend() + " -> " + r.targetHost() + ":" + r.port())
        .containsExactly(
            "k8s-mw-experimental-codfw -> mw-experimental.codfw.wmnet:4456",
            "k8s-mw-experimental-eqiad -> mw-experimental.eqiad.wmnet:4456");
    assertThat(setup.routes()).filteredOn(r -> r.kind() == Route.Kind.DATACENTER).hasSize(2);
  }

  /** Per-host backends: the default only where a datacenter has more than one host. */
  @Test
  void perHostBackendsDefaultToDatacentersWithSeveralHosts() throws Exception {
    Setup setup = Spec.parse("datacenters:\n  eqiad:\n    hosts: [a1.eqiad.wmnet, a2.eqiad.wmnet]\n"
        + "  codfw:\n    hosts: [b1.codfw.wmnet]\n", "s");
    assertThat(setup.routes()).extracting(Route::backend).containsExactly(
        "a1.eqiad.wmnet", "a2.eqiad.wmnet", "k8s-mw-experimental-codfw", "k8s-mw-experimental-eqiad");
    Setup forced = Spec.parse("debugRouting: {perHostBackends: true}\n"
        + "datacenters:\n  codfw:\n    hosts: [b1.codfw.wmnet]\n", "s");
    assertThat(forced.routes()).extracting(Route::backend).containsExactly("b1.codfw.wmnet", "k8s-mw-experimental-codfw");
  }

  @Test
  void exampleFileIsTheBuiltInDefault() throws Exception {
    Path example = Path.of("..", "examples", "mw-experimental.yaml");
    assertThat(Spec.load(example)).isEqualTo(Spec.defaultSetup());
    assertThat(Files.readString(example)).isEqualTo(Spec.defaultSpecText());
  }

  @Test
  void cnameShorthandNamesTheRecord() throws Exception {
    Setup setup =
        Spec.parse(
            "datacenters:\n  eqiad:\n    hosts: [b.eqiad.wmnet, a.eqiad.wmnet]\n    cname: exp.eqiad.wmnet\n", "s");
    assertThat(setup.datacenters().get(0).cname().name()).isEqualTo("exp.eqiad.wmnet");
    assertThat(setup.datacenters().get(0).cname().target()).isEqualTo("a.eqiad.wmnet");
  }

  @Test
  void everyProblemIsReportedNotOnlyTheFirst() {
    String yaml =
        "service:\n  name: Bad\n  port: '1'\n  colour: blue\n"
            + "datacenters:\n  eqiad:\n    hosts: [" + HOST + ", nope]\n";
    List<Problem> problems = Problems.of(yaml);

    assertThat(problems)
        .extracting(p -> p.kind() + " " + p.path() + " @" + p.position().orElseThrow().line())
        .containsExactly(
            "INVALID_VALUE service.name @2",
            "WRONG_TYPE service.port @3",
            "UNKNOWN_KEY service.colour @4",
            "INVALID_VALUE datacenters.eqiad.hosts[1] @7");
  }

  @Test
  void malformedYamlNamesLineAndColumn() {
    List<Problem> problems = Problems.of("service:\n  name: [unclosed\ndatacenters: {}\n");

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).kind()).isEqualTo(Kind.SYNTAX);
    assertThat(problems.get(0).message()).startsWith("malformed YAML");
    assertThat(problems.get(0).position().orElseThrow().line()).isEqualTo(3);
  }

  @Test
  void tabsIndentationIsASyntaxProblem() {
    Problem p = Problems.of("service:\n\tname: x\n").get(0);
    assertThat(p.kind()).isEqualTo(Kind.SYNTAX);
    assertThat(p.position()).contains(SourcePosition.of("spec.yaml", 2, 1));
  }

  @Test
  void emptyAndCommentOnlyFilesAreMissingTheSpec() {
    for (String empty : List.of("", "# nothing\n", "\n\n")) {
      Problem p = Problems.of(empty).get(0);
      assertThat(p.kind()).isEqualTo(Kind.MISSING);
      assertThat(p.message()).isEqualTo("the spec is empty");
    }
  }

  @Test
  void documentMustBeAMapping() {
    Problem p = Problems.of("- a\n- b\n").get(0);
    assertThat(p.kind()).isEqualTo(Kind.WRONG_TYPE);
    assertThat(p.message()).contains("a list, not a mapping");
  }

  @Test
  void secondDocumentIsRefused() {
    Problem p = Problems.of(MINIMAL + "---\n" + MINIMAL).get(0);
    assertThat(p.kind()).isEqualTo(Kind.SYNTAX);
    assertThat(p.message()).contains("second YAML document");
    assertThat(p.position().orElseThrow().line()).isEqualTo(5);
  }

  @Test
  void aliasBombIsALimitNotAHang() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      bomb.append("]\n");
      prev = c;
    }
    Problem p = Problems.of(bomb.toString()).get(0);
    assertThat(p.kind()).isEqualTo(Kind.LIMIT);
    assertThat(p.message()).contains("aliases");
  }

  @Test
  void aliasesWithinLimitsAreFine() throws Exception {
    Setup setup =
        Spec.parse(
            "service:\n  resources:\n    requests: &r {cpu: 1000m, memory: 3500Mi}\n    limits: *r\n" + MINIMAL, "s");
    assertThat(setup.service().resources().limits().memory()).isEqualTo("3500Mi");
  }

  @Test
  void deepNestingIsALimit() {
    Problem p = Problems.of("a: " + "[".repeat(200) + "]".repeat(200) + "\n").get(0);
    assertThat(p.kind()).isEqualTo(Kind.LIMIT);
  }

  @Test
  void oversizedInputIsRefusedBeforeParsing(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.yaml");
    Files.write(big, ("# " + "x".repeat(1000) + "\n").repeat(1100).getBytes(StandardCharsets.UTF_8));
    SpecException e = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class, () -> Spec.load(big));
    assertThat(e.problems().get(0).kind()).isEqualTo(Kind.LIMIT);
    assertThat(e.problems().get(0).message()).contains(big.toString()).contains("bytes");
  }

  @Test
  void missingFileIsAnIoProblem(@TempDir Path dir) {
    SpecException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SpecException.class, () -> Spec.load(dir.resolve("nope.yaml")));
    assertThat(e.problems().get(0).kind()).isEqualTo(Kind.IO);
    assertThat(e.problems().get(0).message()).contains("no such file");
  }

  @Test
  void utf8BomIsAccepted() throws Exception {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    byte[] text = MINIMAL.getBytes(StandardCharsets.UTF_8);
    byte[] both = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, both, 0, 3);
    System.arraycopy(text, 0, both, 3, text.length);
    assertThat(Spec.parse(both, "bom.yaml").allHosts()).containsExactly(HOST);
  }

  @Test
  void utf16AndBinaryAreEncodingProblems() {
    byte[] utf16 = ("\ufeff" + MINIMAL).getBytes(StandardCharsets.UTF_16BE);
    SpecException e16 =
        org.junit.jupiter.api.Assertions.assertThrows(SpecException.class, () -> Spec.parse(utf16, "u.yaml"));
    assertThat(e16.problems().get(0).kind()).isEqualTo(Kind.ENCODING);
    assertThat(e16.problems().get(0).message()).contains("UTF-16");

    byte[] latin1 = "datacenters:\n  eqiad:\n    hosts: [caf\u00e9]\n".getBytes(StandardCharsets.ISO_8859_1);
    SpecException e1 =
        org.junit.jupiter.api.Assertions.assertThrows(SpecException.class, () -> Spec.parse(latin1, "l.yaml"));
    assertThat(e1.problems().get(0).format()).isEqualTo("l.yaml:3:16: byte 37 (0xe9) is not UTF-8 (expected a UTF-8 text file)");

    byte[] binary = {0x7f, 'E', 'L', 'F', 0, 0, 1};
    SpecException eb =
        org.junit.jupiter.api.Assertions.assertThrows(SpecException.class, () -> Spec.parse(binary, "b.yaml"));
    assertThat(eb.problems().get(0).kind()).isEqualTo(Kind.ENCODING);
  }

  @Test
  void explicitTagsAreNotConstructed() {
    Problem global = Problems.of("service:\n  name: !!python/object:os.system x\n" + MINIMAL).get(0);
    assertThat(global.kind()).isEqualTo(Kind.SYNTAX);
    assertThat(global.message()).contains("Global tag is not allowed");
    assertThat(global.position()).contains(SourcePosition.of("spec.yaml", 2, 9));

    Problem local = Problems.of("service:\n  name: !foo x\n" + MINIMAL).get(0);
    assertThat(local.kind()).isEqualTo(Kind.WRONG_TYPE);
    assertThat(local.message()).contains("YAML tag !foo");
  }

  @Test
  void problemFormatIsFileLineColumn() {
    Problem p = Problems.of("service:\n  port: 80\n" + MINIMAL).get(0);
    assertThat(p.format())
        .isEqualTo(
            "spec.yaml:2:9: service.port: port 80 is outside the cluster's NodePort range 4000-4999"
                + " (the apiserver would refuse the Service) (expected a port in 4000-4999, or widen"
                + " service.nodePortRange to the cluster's)");
  }

  /** Issue 16: builders default exactly as the spec does, so a model in code is a few lines. */
  @Test
  void buildersDefaultAsTheSpecDoes() throws Exception {
    dev.mwexp.model.Setup inCode = dev.mwexp.model.ImmutableSetup.builder()
        .addDatacenters(dev.mwexp.model.Datacenter.of("mw-experimental", "eqiad", "wikikube-worker-exp1001.eqiad.wmnet"))
        .addDatacenters(dev.mwexp.model.Datacenter.of("mw-experimental", "codfw", "wikikube-worker-exp2001.codfw.wmnet"))
        .build();
    dev.mwexp.model.Setup fromSpec = Spec.parse("datacenters:\n  eqiad:\n    hosts: [wikikube-worker-exp1001.eqiad.wmnet]\n"
        + "  codfw:\n    hosts: [wikikube-worker-exp2001.codfw.wmnet]\n", "s");
    assertThat(inCode).isEqualTo(fromSpec);
    assertThat(Spec.validate(inCode)).isEqualTo(fromSpec);
  }
}
