package dev.mwexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sync, import and check over checkouts, as a user runs them: output, exit codes, what is written. */
class RepositoriesCommandsTest {

  @TempDir Path tmp;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static String[] repos(Map<String, Path> roots, String... first) {
    String[] args = new String[first.length + 8];
    System.arraycopy(first, 0, args, 0, first.length);
    int i = first.length;
    for (String repo : new String[] {"puppet", "deployment-charts", "dns", "mediawiki-config"}) {
      args[i++] = "--" + (repo.equals("deployment-charts") ? "charts" : repo);
      args[i++] = roots.get(repo).toString();
    }
    return args;
  }

  @Test
  void syncIsZeroInSyncFourWhenItChangesAndDryRunWritesNothing() throws Exception {
    Map<String, Path> roots = Fixtures.copy(tmp.resolve("repos"));
    assertThat(run(repos(roots, "sync", "--dry-run")).out()).isEqualTo("0 files to change: in sync\n");
    assertThat(run(repos(roots, "sync")).code()).isZero();

    Path spec = Files.writeString(tmp.resolve("spec.yaml"), Files.readString(Path.of("../examples/mw-experimental.yaml"))
        .replace("  port: 4456", "  port: 4457"));
    Map<String, String> before = Fixtures.snapshot(tmp.resolve("repos"));
    CliRun dry = run(repos(roots, "sync", spec.toString(), "--dry-run"));
    assertThat(dry.code()).isEqualTo(4);
    assertThat(dry.out()).contains("# operations/puppet\ndiff --git a/modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua"
        + " b/modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua\n")
        .contains("-  public_port: 4456\n+  public_port: 4457\n")
        .endsWith("2 files would change\n");
    assertThat(Fixtures.snapshot(tmp.resolve("repos"))).isEqualTo(before);

    CliRun wet = run(repos(roots, "sync", spec.toString()));
    assertThat(wet.code()).isEqualTo(4);
    assertThat(wet.out()).contains("wrote puppet/modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua\n")
        .endsWith("2 files changed\n");
    assertThat(run(repos(roots, "sync", spec.toString())).code()).isZero();
  }

  @Test
  void importPrintsTheSpecCheckWithItFindsNoDrift() throws Exception {
    Map<String, Path> roots = Fixtures.copy(tmp.resolve("repos"));
    CliRun imported = run(repos(roots, "import"));
    assertThat(imported.code()).isZero();
    Path spec = Files.writeString(tmp.resolve("imported.yaml"), imported.out());
    CliRun check = run(repos(roots, "check", spec.toString()));
    assertThat(check.out()).isEqualTo("0 violations, 0 differences\n");
    assertThat(check.code()).isZero();
  }

  @Test
  void aPathThatIsNoCheckoutIsAProblemAndNothingIsWritten() throws Exception {
    Map<String, Path> roots = Fixtures.copy(tmp.resolve("repos"));
    Map<String, String> before = Fixtures.snapshot(tmp.resolve("repos"));
    CliRun r = run("sync", "--puppet", roots.get("puppet").toString(), "--dns", roots.get("mediawiki-config").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo(roots.get("mediawiki-config") + ": is not a checkout of operations/dns (it has no templates/);"
        + " pass its root with --dns\nnothing was written\n");
    assertThat(Fixtures.snapshot(tmp.resolve("repos"))).isEqualTo(before);
  }

  /** Issue 16: an empty tree says what is missing, once each, not the knock-ons. */
  @Test
  void anEmptyTreeSaysWhatIsMissing() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    CliRun r = run("check", "--against", empty.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out().lines().filter(l -> l.startsWith("MISSING "))).hasSize(4);
    assertThat(r.out()).contains("MISSING puppet/modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua: expected the X-Wikimedia-Debug routing script under " + empty)
        .endsWith("4 violations, 0 differences\n");
  }

  /** Issue 23: a compiled tree without mediawiki-config/ is missing it, as it would be missing any other. */
  @Test
  void aCompiledTreeWithoutOneRepositorySaysWhichIsMissing() throws Exception {
    Path out = tmp.resolve("compiled");
    assertThat(run("compile", "--out", out.toString()).code()).isZero();
    try (var walk = Files.walk(out.resolve("mediawiki-config"))) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    CliRun r = run("check", "--no-drift", "--against", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("MISSING mediawiki-config/debug.json: expected the WikimediaDebug backends list under "
        + out + ", found nothing there\n1 violations, 0 differences\n");
  }

  /** Issue 16: --output json is one document of the library's values, with the same exit code. */
  @Test
  void jsonOutputIsOneDocumentOfTheLibrarysValues() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    Path bad = Files.writeString(tmp.resolve("bad.yaml"), "service:\n  port: 80\ndatacenters:\n  eqiad:\n    hosts: [localhost]\n");
    CliRun validate = run("validate", bad.toString(), "--output", "json");
    assertThat(validate.code()).isEqualTo(1);
    var v = json.readTree(validate.out());
    assertThat(v.path("schema").asText()).isEqualTo("mwexp-report/1");
    assertThat(v.path("exitCode").asInt()).isEqualTo(1);
    assertThat(v.path("problems")).hasSize(2);
    assertThat(v.at("/problems/0/path").asText()).isEqualTo("service.port");
    assertThat(v.at("/problems/0/line").asInt()).isEqualTo(2);
    assertThat(v.at("/problems/0/column").asInt()).isEqualTo(9);
    assertThat(v.at("/problems/0/file").asText()).isEqualTo(bad.toString());

    Map<String, Path> roots = Fixtures.copy(tmp.resolve("repos"));
    Path debugJson = roots.get("mediawiki-config").resolve("debug.json");
    Files.writeString(debugJson, Files.readString(debugJson).replace("    \"k8s-mw-experimental-codfw\",\n", ""));
    CliRun check = run(repos(roots, "check", "../examples/mw-experimental.yaml", "--output", "json"));
    assertThat(check.code()).isEqualTo(1);
    var c = json.readTree(check.out());
    assertThat(c.path("violations")).hasSize(1);
    assertThat(c.at("/violations/0/link").asText()).isEqualTo("DEBUG_LIST");
    assertThat(c.at("/violations/0/subject").asText()).isEqualTo("k8s-mw-experimental-codfw");
    assertThat(c.at("/changes/0/path").asText()).isEqualTo("debug.json");
    assertThat(c.at("/changes/0/written").asBoolean()).isFalse();

    CliRun sync = run(repos(roots, "sync", "--dry-run", "--output", "json"));
    assertThat(sync.code()).isEqualTo(4);
    var s = json.readTree(sync.out());
    assertThat(s.at("/changes/0/repository").asText()).isEqualTo("operations/mediawiki-config");
    assertThat(s.at("/changes/0/action").asText()).isEqualTo("modify");
    assertThat(s.at("/changes/0/diff").asText()).contains("+    \"k8s-mw-experimental-codfw\"");
  }
}
