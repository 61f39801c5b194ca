package dev.mwexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir Path tmp;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void validatesTheBuiltInDefault() {
    CliRun r = run("validate");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("<built-in mw-experimental.yaml>: valid\n");
  }

  @Test
  void validatePrintsEveryProblemWithItsPositionAndExitsOne() throws Exception {
    Path spec = Files.writeString(
        tmp.resolve("bad.yaml"),
        "service:\n  port: 80\n  colour: blue\ndatacenters:\n  eqiad:\n    hosts: [localhost]\n");

    CliRun r = run("validate", spec.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines())
        .containsExactly(
            spec + ":2:9: service.port: port 80 is outside the cluster's NodePort range 4000-4999 (the"
                + " apiserver would refuse the Service) (expected a port in 4000-4999, or widen"
                + " service.nodePortRange to the cluster's)",
            spec + ":3:3: service.colour: unknown key 'colour' in service (expected one of [name, namespace,"
                + " release, servergroup, image, mountPath, port, nodePortRange, php, resources, alerting,"
                + " observability, createNamespace])",
            spec + ":6:13: datacenters.eqiad.hosts[0]: 'localhost' is not valid here (expected a lower-case"
                + " fully-qualified host name such as wikikube-worker-exp1001.eqiad.wmnet)",
            "3 problems");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void compileWritesEveryFormatAndReplacesItsOwnOutput() throws Exception {
    Path out = tmp.resolve("out");
    CliRun first = run("compile", "--out", out.toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(out.resolve(".mwexp-manifest")).exists();
    CliRun second = run("compile", "--out", out.toString());
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(first.out()).isEqualTo(second.out());
  }

  @Test
  void compileOfABrokenSpecLeavesTheOutputAlone() throws Exception {
    Path out = tmp.resolve("out");
    assertThat(run("compile", "--out", out.toString()).code()).isZero();
    String manifest = Files.readString(out.resolve(".mwexp-manifest"));
    Path spec = Files.writeString(tmp.resolve("bad.yaml"), "datacenters: {}\n");

    CliRun r = run("compile", spec.toString(), "--out", out.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith(spec + ":1:14: datacenters: no datacenters");
    assertThat(Files.readString(out.resolve(".mwexp-manifest"))).isEqualTo(manifest);
  }

  @Test
  void compileRefusesADirectoryOfOtherFiles() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("home"));
    Files.writeString(out.resolve("notes.txt"), "mine");

    CliRun r = run("compile", "--out", out.toString());

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("holds files mwexp did not write");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).containsExactly(out.resolve("notes.txt"));
    }
  }

  @Test
  void compileDryRunPrintsTheDiffsAndWritesNothing() throws Exception {
    Path out = tmp.resolve("out");
    CliRun fresh = run("compile", "--out", out.toString(), "--dry-run");
    assertThat(fresh.code()).as(fresh.err()).isEqualTo(4);
    assertThat(fresh.out()).contains("diff --git a/dns/templates/wmnet b/dns/templates/wmnet\nnew file mode 100644\n"
        + "--- /dev/null\n+++ b/dns/templates/wmnet\n").endsWith("would change " + out + "\n");
    assertThat(out).doesNotExist();

    assertThat(run("compile", "--out", out.toString()).code()).isZero();
    CliRun same = run("compile", "--out", out.toString(), "--dry-run");
    assertThat(same.code()).isZero();
    assertThat(same.out()).isEqualTo(out + " is up to date\n");

    Path spec = Files.writeString(tmp.resolve("spec.yaml"), Files.readString(Path.of("../examples/mw-experimental.yaml"))
        .replace("  port: 4456", "  port: 4457"));
    String manifest = Files.readString(out.resolve(".mwexp-manifest"));
    CliRun changed = run("compile", spec.toString(), "--out", out.toString(), "--dry-run");
    assertThat(changed.code()).isEqualTo(4);
    assertThat(changed.out()).contains("--- a/puppet/modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua\n")
        .contains("-            [\"k8s-mw-experimental-codfw\"] = { host = \"mw-experimental.codfw.wmnet\", port = 4456 },\n")
        .contains("+            [\"k8s-mw-experimental-codfw\"] = { host = \"mw-experimental.codfw.wmnet\", port = 4457 },\n")
        .doesNotContain("new file mode");
    assertThat(Files.readString(out.resolve(".mwexp-manifest"))).isEqualTo(manifest);

    Files.writeString(out.resolve("notes.txt"), "mine");
    CliRun refused = run("compile", spec.toString(), "--out", out.toString(), "--dry-run");
    assertThat(refused.code()).isEqualTo(3);
    assertThat(refused.err()).contains("notes.txt (not written by mwexp)");
  }

  @Test
  void driftInATextFileIsADiffWithContextAndQuotesNoEscapeSequence() throws Exception {
    Path out = tmp.resolve("out");
    assertThat(run("compile", "--out", out.toString()).code()).isZero();
    Path zone = out.resolve("dns/templates/wmnet");
    String text = Files.readString(zone);
    String record = text.lines().filter(l -> l.startsWith("mw-experimental")).findFirst().orElseThrow();
    Files.writeString(zone, text.replace(record + "\n", record + "\n; \u001b[31mhand edit\n"));

    CliRun r = run("check", "../examples/mw-experimental.yaml", "--against", out.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("DRIFT dns/templates/wmnet: differs from the spec (diff follows: - the tree, + the spec)\n"
            + "diff --git a/dns/templates/wmnet b/dns/templates/wmnet\n--- a/dns/templates/wmnet\n+++ b/dns/templates/wmnet\n")
        .contains(" " + record + "\n-; \\x1b[31mhand edit\n")
        .doesNotContain("\u001b").doesNotContain("missing line").doesNotContain("unexpected line")
        .endsWith("0 violations, 1 differences\n");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run().code()).isEqualTo(2);
    assertThat(run("compile").code()).isEqualTo(2);
    CliRun unknown = run("compile", "--out", tmp.resolve("o").toString(), "--format", "terraform");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown format 'terraform'; available: alerts, ats, dns, helm-values, hiera, k8s");
    assertThat(run("compile", "--out", tmp.resolve("o").toString(), "--k8s-format", "kustomize").code()).isEqualTo(2);
  }

  /** Issue 17: the hand-written command line says what is wrong, on stderr, and where the help is. */
  @Test
  void usageErrorsNameTheCommandAndWhereItsHelpIs() {
    CliRun missing = run("compile");
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err()).isEqualTo("mwexp compile: missing required option: --out DIR\n"
        + "Run 'mwexp help compile' for usage.\n");
    assertThat(run("compil", "--out", "o").err()).isEqualTo("mwexp: unknown command 'compil'; did you mean 'compile'?\n"
        + "Run 'mwexp --help' for usage.\n");
    assertThat(run("check", "--agains", "o").err()).startsWith("mwexp check: unknown option '--agains'; did you mean"
        + " '--against'?\n");
    assertThat(run("sync", "--puppet", "p", "--output", "sarif").err())
        .startsWith("mwexp sync: sync prints text or json, not sarif\n");
    CliRun none = run();
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).startsWith("mwexp: a command is required");
  }

  /** Help is printed from the values the parser reads: every option is in it, within 80 columns. */
  @Test
  void helpListsEveryOptionTheCommandTakes() {
    CliRun program = run("--help");
    assertThat(program.code()).isZero();
    for (Command c : Main.commands()) {
      assertThat(program.out()).contains("\n  " + c.syntax().name() + " ");
      String help = run("help", c.syntax().name()).out();
      String usage = help.substring(0, help.indexOf("\n\n")).replace("\n    ", " ");
      for (dev.mwexp.cli.args.Option o : c.syntax().options()) {
        assertThat(help).as(c.syntax().name()).contains("\n  " + o.name() + " ");
        assertThat(usage).as(c.syntax().name()).contains(o.required() ? " " + o.name() + " " : " [" + o.name());
      }
      help.lines().filter(l -> !l.startsWith("  mwexp ")).forEach(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
    }
    assertThat(program.out()).contains("\n  4   sync changed files");
  }

  @Test
  void specPrintsTheCanonicalForm() {
    CliRun r = run("spec");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("  port: 4456\n").contains("  mountMode: \"2775\"\n");
  }

  /** Issue 16: every command has help with an example, whatever its required options; -V is the real version. */
  @Test
  void everyCommandHasHelpAndAnExample() {
    for (String command : java.util.List.of("validate", "compile", "sync", "check", "import", "spec")) {
      CliRun help = run(command, "--help");
      assertThat(help.code()).as(command + help.err()).isZero();
      assertThat(help.out()).as(command).startsWith("Usage: mwexp " + command).contains("Example");
      CliRun viaHelp = run("help", command);
      assertThat(viaHelp.code()).as(command).isZero();
      assertThat(viaHelp.out()).isEqualTo(help.out());
    }
    CliRun version = run("-V");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("mwexp 0.").doesNotContain("dev");
  }
}
