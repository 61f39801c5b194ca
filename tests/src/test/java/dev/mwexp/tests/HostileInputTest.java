package dev.mwexp.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mwexp.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's hostile and careless user, through the CLI: every case ends within seconds in a typed
 * problem (exit 1) or a usage/output error (2/3), never a stack trace or exit 70; nobody's file is
 * deleted; nothing outside a checked tree is read or quoted; the checker sees what Lua sees.
 */
class HostileInputTest {

  private static final String LUA = "puppet/modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua";
  private static final String ZONE = "dns/templates/wmnet";
  private static final String SPEC = Path.of("../examples/mw-experimental.yaml").toString();

  @TempDir Path tmp;

  record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args));
    Result r = new Result(code, out.toString(), err.toString());
    assertThat(r.code()).as(r.all()).isNotEqualTo(70);
    assertThat(r.all()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
    return r;
  }

  private Path compiled(String name) {
    Path out = tmp.resolve(name);
    // The four repositories, and raw manifests for the Kubernetes cases.
    assertThat(run("compile", "--out", out.toString(), "--raw-manifests").code()).isZero();
    return out;
  }

  private static TreeMap<String, String> snapshot(Path dir) throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.readString(p));
      }
    }
    return files;
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
  }

  // ---- data loss ----

  @Test
  void compileNeverDeletesWhatTheUserAddedToItsOutput() throws Exception {
    Path out = compiled("out");
    Files.writeString(out.resolve("NOTES.md"), "my notes");
    Files.createDirectories(out.resolve(".git"));
    Files.writeString(out.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.writeString(out.resolve("mw-experimental.yaml"), "datacenters: {}\n");
    edit(out.resolve(ZONE), " 1H ", " 2H ");
    TreeMap<String, String> before = snapshot(out);

    Result r = run("compile", "--out", out.toString());

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("  .git/ (not written by mwexp)", "  NOTES.md (not written by mwexp)",
        "  mw-experimental.yaml (not written by mwexp)", "  " + ZONE + " (changed since mwexp wrote it)");
    assertThat(snapshot(out)).isEqualTo(before);
  }

  // ---- bounded and typed: spec paths ----

  @Test
  void specPathsThatAreNotRegularFilesAreRefusedWithoutBlocking() throws Exception {
    Path fifo = tmp.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("/dev/zero", "is not a regular file");
    cases.put("/dev/urandom", "is not a regular file");
    cases.put(fifo.toString(), "is not a regular file");
    cases.put(tmp.toString(), "is a directory");
    cases.put(tmp.resolve("missing.yaml").toString(), "cannot read: no such file or directory");
    cases.forEach((path, message) -> {
      Result r = run("validate", path);
      assertThat(r.code()).as(path).isEqualTo(1);
      assertThat(r.err()).as(path).startsWith(path + ": ").contains(message);
    });
  }

  @Test
  void standardInputIsReadUpToTheLimitEvenWhenItNeverEnds() {
    InputStream original = System.in;
    System.setIn(new InputStream() {
      @Override
      public int read() {
        return '#';
      }
    });
    try {
      Result r = run("validate", "-");
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).contains("<stdin>: is larger than 1048576 bytes");
    } finally {
      System.setIn(original);
    }
  }

  // ---- bounded and typed: checked trees ----

  @Test
  void hostileTreesAreOneTypedViolationEach() throws Exception {
    Map<String, TreeEdit> cases = new LinkedHashMap<>();
    cases.put("Lua nested thousands deep", dir -> Files.writeString(dir.resolve(LUA),
        "local t = " + "{".repeat(20000) + "}".repeat(20000) + "\nfunction do_remap() return t end\n"));
    cases.put("a 100 MB Lua file", dir -> {
      byte[] line = ("-- " + "x".repeat(1020) + "\n").getBytes(StandardCharsets.US_ASCII);
      try (var out = Files.newOutputStream(dir.resolve(LUA), StandardOpenOption.APPEND)) {
        for (int i = 0; i < 100 * 1024; i++) {
          out.write(line);
        }
      }
    });
    cases.put("Lua cut off mid-table", dir -> {
      String text = Files.readString(dir.resolve(LUA));
      Files.writeString(dir.resolve(LUA), text.substring(0, text.indexOf("port = 4456")));
    });
    cases.put("a malformed number 1abc", dir -> edit(dir.resolve(LUA), "port = 4456", "port = 1abc"));
    cases.put("a malformed number 0xZZ", dir -> edit(dir.resolve(LUA), "port = 4456", "port = 0xZZ"));
    cases.put("a malformed number 1e", dir -> edit(dir.resolve(LUA), "port = 4456", "port = 1e"));
    cases.put("a zone TTL past 32 bits", dir -> edit(dir.resolve(ZONE), "mw-experimental 1H ", "mw-experimental 99999999999 "));
    cases.put("a non-UTF-8 byte", dir -> Files.write(dir.resolve("k8s/eqiad/service.yaml"),
        new byte[] {'#', ' ', (byte) 0xff, '\n'}, StandardOpenOption.APPEND));
    Map<String, String> expected = Map.of(
        "Lua nested thousands deep", "tables nested more than 64 deep [" + LUA + ":1]",
        "a 100 MB Lua file", "larger than 16777216 bytes",
        "Lua cut off mid-table", "is not Lua: line 12: '}' expected near '<eof>'",
        "a malformed number 1abc", "malformed number near '1abc'",
        "a malformed number 0xZZ", "malformed number near '0xZZ'",
        "a malformed number 1e", "malformed number near '1e'",
        "a zone TTL past 32 bits", "UNREADABLE " + ZONE + ": expected a readable file inside the tree, found TTL '99999999999'",
        "a non-UTF-8 byte", "UNREADABLE k8s/eqiad/service.yaml: expected a readable file inside the tree, found is not UTF-8: byte 0xff");
    int n = 0;
    for (Map.Entry<String, TreeEdit> c : cases.entrySet()) {
      Path dir = compiled("tree" + n++);
      c.getValue().apply(dir);
      Result r = run("check", "--against", dir.toString());
      assertThat(r.code()).as(c.getKey() + r.out()).isEqualTo(1);
      assertThat(r.out()).as(c.getKey()).contains(expected.get(c.getKey()));
      // One violation: the file; what it leaves unknown is not reported again.
      assertThat(r.out()).as(c.getKey()).contains("\n1 violations, ");
    }
    // With drift on, the non-UTF-8 file is named, not quoted.
    Path dir = compiled("drift");
    cases.get("a non-UTF-8 byte").apply(dir);
    assertThat(run("check", SPEC, "--against", dir.toString()).out())
        .contains("DRIFT unreadable file k8s/eqiad/service.yaml:24: is not UTF-8: byte 0xff");
  }

  interface TreeEdit {
    void apply(Path dir) throws IOException;
  }

  // ---- leaks ----

  @Test
  void linksOutOfTheCheckedTreeAreNamedNeverRead() throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret.env"), "API_TOKEN=hunter2\nmw-experimental.eqiad.wmnet. 300 IN CNAME hunter2.\n");
    Path dir = compiled("pr");
    for (String file : List.of(ZONE, "k8s/eqiad/service.yaml", LUA, "puppet/hieradata/hosts/wikikube-worker-exp1001.yaml")) {
      Files.delete(dir.resolve(file));
      Files.createSymbolicLink(dir.resolve(file), file.endsWith(".lua") ? Path.of("/etc/passwd") : secret);
    }
    Files.createSymbolicLink(dir.resolve("k8s/eqiad/environ.yaml"), Path.of("/proc/self/environ"));

    Result r = run("check", SPEC, "--against", dir.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.all()).doesNotContain("hunter2").doesNotContain("root:x:0:0").doesNotContain("PATH=");
    assertThat(r.out()).contains(
        "UNREADABLE " + ZONE + ": expected a readable file inside the tree, found is a symbolic link that leads out of the tree",
        "UNREADABLE " + LUA + ":",
        "UNREADABLE k8s/eqiad/environ.yaml:",
        "DRIFT unreadable file " + ZONE + ": is a symbolic link that leads out of the tree; mwexp does not follow it");
    // A link that stays inside the tree is followed, as Wikimedia's symlinked global*.yaml are.
    Path inside = compiled("inside");
    Path moved = Files.move(inside.resolve(ZONE), inside.resolve("dns/templates/.wmnet.real"));
    Files.createSymbolicLink(inside.resolve(ZONE), moved.getFileName());
    assertThat(run("check", "--against", inside.toString(), "--no-drift").code()).isZero();
  }

  // ---- the checker sees what the runtime sees ----

  @Test
  void routingThatBreaksAtRunTimeIsAViolationWithItsLine() throws Exception {
    Map<String, TreeEdit> cases = new LinkedHashMap<>();
    cases.put("DUPLICATE_KEY k8s-mw-experimental-eqiad", dir -> {
      String line = "            [\"k8s-mw-experimental-eqiad\"] = { host = \"mw-experimental.eqiad.wmnet\", port = 4456 },\n";
      edit(dir.resolve(LUA), line, line + line.replace("mw-experimental.eqiad.wmnet", "mw-experimental.codfw.wmnet"));
    });
    cases.put("BACKEND k8s-mw-experimental-eqiad: expected mw-experimental.eqiad.wmnet:4456, found no such backend", dir -> {
      edit(dir.resolve(LUA), "local debug_maps = {", "local debug_maps_full = {");
      edit(dir.resolve(LUA), "local function scope_for", "local debug_maps = { scopes = {}, default = { name = \"default\", backends = {} } }\n\nlocal function scope_for");
    });
    cases.put("PORT eqiad: expected one Service per nodePort 4456, found 2 Services [mw-experimental/mw-experimental,"
        + " mw-experimental/mw-experimental-copy] [k8s/eqiad/service.yaml:21, k8s/eqiad/service2.yaml:21]", dir -> {
      Path copy = Files.copy(dir.resolve("k8s/eqiad/service.yaml"), dir.resolve("k8s/eqiad/service2.yaml"));
      edit(copy, "name: mw-experimental\n", "name: mw-experimental-copy\n");
    });
    cases.put("SELECTOR eqiad: expected the Service in the pods' namespace mw-experimental, found namespace other",
        dir -> edit(dir.resolve("k8s/eqiad/service.yaml"), "namespace: mw-experimental", "namespace: other"));
    cases.put("PORT eqiad: expected targetPort 4456 (or its name http), the MediaWiki container's port, found targetPort 8080"
        + " [k8s/eqiad/service.yaml:21,", dir -> edit(dir.resolve("k8s/eqiad/service.yaml"), "targetPort: 4456", "targetPort: 8080"));
    int n = 0;
    for (Map.Entry<String, TreeEdit> c : cases.entrySet()) {
      Path dir = compiled("route" + n++);
      c.getValue().apply(dir);
      Result r = run("check", SPEC, "--against", dir.toString(), "--no-drift");
      assertThat(r.code()).as(c.getKey()).isEqualTo(1);
      assertThat(r.out()).as(r.out()).contains(c.getKey());
    }
  }

  /** Issue 13: a host's datacenter is what the model or tree says, not a pattern over its name. */
  @Test
  void hostsOutsideWikimediaNamingKeepTheirDatacenter() throws Exception {
    Path spec = Files.writeString(tmp.resolve("spec.yaml"),
        "datacenters:\n  eqiad:\n    hosts: [mw-exp1.example.org]\n    cname: mw-exp-eqiad.example.org\n"
            + "  codfw:\n    hosts: [mw-exp2.example.org]\n    cname: mw-exp-codfw.example.org\n");
    Path out = tmp.resolve("own");
    assertThat(run("compile", spec.toString(), "--out", out.toString(), "--raw-manifests").code()).isZero();
    Result withModel = run("check", spec.toString(), "--against", out.toString());
    assertThat(withModel.out()).endsWith("0 violations, 0 differences\n");
    assertThat(withModel.code()).isZero();
  }

  // ---- messages are inert ----

  @Test
  void userTextInMessagesCannotForgeLinesOrReachTheTerminal() throws Exception {
    Path spec = Files.writeString(tmp.resolve("evil.yaml"), "service:\n  \"x\\nspec.yaml:1:1: forged\\e[31m\\u202e\": 1\n"
        + "datacenters:\n  eqiad:\n    hosts: [\"h\\r\\e]0;title\\u0007.eqiad.wmnet\"]\n");
    Result r = run("validate", spec.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("\r").doesNotContain("\u0007");
    // Two problems and the count: exactly three lines, each starting with the real file.
    assertThat(r.err().lines().toList()).hasSize(3);
    assertThat(r.err().lines().limit(2)).allSatisfy(l -> assertThat(l).startsWith(spec + ":"));
    assertThat(r.err()).contains("\\n", "\\x1b", "\\u202e");
  }
}
