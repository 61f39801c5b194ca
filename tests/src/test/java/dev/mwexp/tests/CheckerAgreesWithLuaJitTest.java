package dev.mwexp.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.mwexp.consistency.facts.Backend;
import dev.mwexp.consistency.read.RoutingTableReader;
import dev.mwexp.export.Exporters;
import dev.mwexp.model.Setup;
import dev.mwexp.testing.RealClients;
import dev.mwexp.testing.TsLua;
import dev.mwexp.format.lua.LuaStrings;
import dev.mwexp.testing.SetupGenerators;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker reads a routing script the way LuaJIT runs it. For generated setups, the compiled
 * script is edited as hostile hands would — a backend listed twice with another target, the live
 * table emptied beside a full unused copy, the table reassigned — and then every backend name in
 * the text is sent through {@code do_remap} under LuaJIT with a mocked {@code ts}. Each backend the
 * checker reads must route exactly where it says; each it does not read must not route at all.
 */
class CheckerAgreesWithLuaJitTest {

  private static final String SCRIPT = "puppet/modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua";
  private static final Pattern ENTRY = Pattern.compile("(?m)^( +)\\[\"([^\"]+)\"\\] = \\{ host = \"([^\"]+)\", port = (\\d+) \\},\\n");

  @TempDir static Path tmp;

  @BeforeAll
  static void luajit() {
    RealClients.require("luajit");
  }

  /** The script edited by {@code kind}: 0 as compiled, 1 duplicate, 2 emptied beside a copy, 3 reassigned. */
  static String edited(String lua, int kind, int which) {
    List<MatchResult> entries = new ArrayList<>();
    Matcher m = ENTRY.matcher(lua);
    while (m.find()) {
      entries.add(new MatchResult(m.start(), m.end(), m.group(1), m.group(2), m.group(3), m.group(4)));
    }
    if (entries.isEmpty()) {
      return lua;
    }
    MatchResult e = entries.get(Math.floorMod(which, entries.size()));
    return switch (kind) {
      case 1 -> lua.substring(0, e.end) + e.indent + "[\"" + e.name + "\"] = { host = \"moved." + e.host + "\", port = "
          + (Integer.parseInt(e.port) + 1) + " },\n" + lua.substring(e.end);
      case 2 -> lua.replace("local debug_maps = {", "local debug_maps_full = {")
          .replace("local function scope_for", "local debug_maps = { scopes = {}, default = { name = \"default\", backends = {\n"
              + e.indent + "[\"" + e.name + "\"] = { host = \"only." + e.host + "\", port = 1 },\n} } }\n\nlocal function scope_for");
      case 3 -> lua.replace("\nfunction do_remap()", "\ndebug_maps = { scopes = {}, default = { name = \"default\", backends = { [\""
          + e.name + "\"] = { host = \"again." + e.host + "\", port = 2 } } } }\n\nfunction do_remap()");
      default -> lua;
    };
  }

  record MatchResult(int start, int end, String indent, String name, String host, String port) {}

  @Test
  void everyBackendTheCheckerReadsRoutesWhereItSays() {
    int[] examples = {0};
    qt().withExamples(60).forAll(SetupGenerators.setups(), integers().between(0, 3), integers().allPositive())
        .checkAssert((Setup setup, Integer kind, Integer which) -> {
          String lua = edited(Exporters.compile(setup, List.of("ats")).files().get(SCRIPT), kind, which);
          Map<String, String> checker = new TreeMap<>();
          try {
            for (Backend b : RoutingTableReader.routing(SCRIPT, lua).backends()) {
              if (b.scope().equals("default")) {
                checker.put(b.name(), b.host() + "\t" + b.port());
              }
            }
          } catch (Exception e) {
            throw new AssertionError(e);
          }
          TreeSet<String> names = new TreeSet<>();
          Matcher m = Pattern.compile("\\[\"([^\"]+)\"\\] = \\{ host").matcher(lua);
          while (m.find()) {
            names.add(m.group(1));
          }
          Map<String, String> runtime = routeUnderLuaJit(lua, names);
          for (String name : names) {
            assertThat(runtime.get(name)).as("%s (edit %d)%n%s", name, kind, lua)
                .isEqualTo(checker.getOrDefault(name, "400"));
          }
          examples[0]++;
        });
    // QuickTheories skips examples it already tried: most of the 60 must have run.
    assertThat(examples[0]).isGreaterThan(40);
  }

  /** Where LuaJIT's do_remap sends each name: {@code host<TAB>port}, or the status it answers. */
  private static Map<String, String> routeUnderLuaJit(String lua, TreeSet<String> names) {
    StringBuilder cases = new StringBuilder();
    for (String name : names) {
      cases.append("{ name = ").append(LuaStrings.literal(name)).append(", headers = { [\"X-Wikimedia-Debug\"] = ")
          .append(LuaStrings.literal("backend=" + name)).append(", Host = \"en.wikipedia.org\" } },\n");
    }
    Map<String, String> out = new TreeMap<>();
    TsLua.run(tmp, lua, cases.toString()).forEach((name, result) -> {
      // do_remap's return, host, port, cache, status, body
      String[] cells = result.split("\t", -1);
      out.put(name, cells[1].equals("nil") ? cells[4] : cells[1] + "\t" + cells[2]);
    });
    return out;
  }
}
