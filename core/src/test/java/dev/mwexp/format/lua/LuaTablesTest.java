package dev.mwexp.format.lua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.testing.RealClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lua reader: LuaJIT's grammar and literals, and statements after the table as LuaJIT runs them. */
class LuaTablesTest {

  @TempDir Path tmp;

  static final String SCRIPT = """
      jit.off(true, true)
      local debug_maps = {
          default = {
              name = "default",
              backends = {
                  ["k8s-mwdebug"]               = { host = "mwdebug.discovery.wmnet",     port = 4444 },
                  ["k8s-mw-experimental-eqiad"] = { host = "mw-experimental.eqiad.wmnet", port = 4456 },
              },
          },
      }
      function do_remap()
          local xwd = ts.client_request.header['X-Wikimedia-Debug']
          if not xwd then
              return TS_LUA_REMAP_NO_REMAP
          end
          local backend = string.match(xwd, 'backend=([%a%d%.-]+)') or xwd
          local entry = debug_maps.default.backends[backend]
          for _, v in ipairs({1, 2}) do repeat local x = v until true end
          ::done::
          return entry and TS_LUA_REMAP_DID_REMAP or TS_LUA_REMAP_NO_REMAP
      end
      """;

  private static LuaTables.Table backends(LuaTables.Chunk chunk) {
    return LuaTableEditor.find(chunk, List.of("debug_maps", "default", "backends")).orElseThrow();
  }

  @Test
  void aMissingCommaIsRefusedAtItsLineNeverASwallowedEntry() {
    String broken = SCRIPT.replace("port = 4444 },", "port = 4444 }");
    assertThatThrownBy(() -> LuaTables.read(broken)).isInstanceOf(LuaTables.LuaSyntaxException.class)
        .hasMessage("line 7: '}' expected (to close '{' at line 5) near '['");
  }

  @Test
  void luaJitNumberLiterals() throws Exception {
    LuaTables.Chunk chunk = LuaTables.read(SCRIPT.replace("port = 4456 }", "port = 4456LL }")
        .replace("port = 4444 }", "port = 0x1p12 }"));
    assertThat(LuaTableEditor.target(backends(chunk).fields().get("k8s-mw-experimental-eqiad")).port()).isEqualTo(4456);
    assertThat(LuaTableEditor.target(backends(chunk).fields().get("k8s-mwdebug")).port()).isEqualTo(4096);
    assertThat(LuaNumbers.value("0x1.8p1", 1)).isEqualTo(3.0);
    assertThat(LuaNumbers.value("1e3", 1)).isEqualTo(1000.0);
    assertThat(LuaNumbers.value(".5", 1)).isEqualTo(0.5);
    assertThat(LuaNumbers.value("12ULL", 1)).isEqualTo(12.0);
    assertThat(LuaNumbers.value("2i", 1)).isEqualTo(2.0);
    for (String bad : List.of("1.5LL", "0x", "1e", "1e+", "12abc", "0x1p", "1..2")) {
      assertThatThrownBy(() -> LuaNumbers.value(bad, 3)).as(bad).hasMessageStartingWith("line 3: malformed number near");
    }
    // A malformed literal of 200,000 digits is read once, not rescanned per digit.
    String huge = "1".repeat(200_000) + "x";
    assertThatThrownBy(() -> LuaTables.read("local t = { port = " + huge + " }"))
        .hasMessageStartingWith("line 1: malformed number near '1111");
  }

  @Test
  void assignmentsAfterTheTableAreAppliedAsLuaJitRunsThem() throws Exception {
    LuaTables.Chunk chunk = LuaTables.read(SCRIPT + """
        debug_maps.default.backends["k8s-mw-experimental-eqiad"] = { host = "mw-experimental.codfw.wmnet", port = 4456 }
        debug_maps.default.backends["k8s-mwdebug"] = nil
        debug_maps.default.backends["k8s-extra"] = { host = "extra.eqiad.wmnet", port = 4460 }
        """);
    LuaTables.Table backends = backends(chunk);
    assertThat(LuaTableEditor.target(backends.fields().get("k8s-mw-experimental-eqiad")).host())
        .isEqualTo("mw-experimental.codfw.wmnet");
    assertThat(backends.fields()).doesNotContainKey("k8s-mwdebug").containsKey("k8s-extra");
    assertThat(backends.duplicates()).containsExactly(
        new LuaTables.Duplicate("k8s-mw-experimental-eqiad", 7, 22),
        new LuaTables.Duplicate("k8s-mwdebug", 6, 23));
    assertThat(backends.assignedLater()).containsEntry("k8s-extra", 24);
    // Each routed table is reached once: through its parent, not also as a root of its own.
    assertThat(chunk.live().stream().filter(t -> t.fields().containsKey("host")).count()).isEqualTo(2);
  }

  /**
   * The reader refuses exactly what LuaJIT refuses: every prefix of the routing script, and a
   * handful of valid and invalid snippets, loaded by real LuaJIT in one process.
   */
  @Test
  void refusesExactlyWhatLuaJitRefuses() throws Exception {
    RealClients.require("luajit");
    List<String> cases = new ArrayList<>();
    for (int cut = 0; cut <= SCRIPT.length(); cut += 3) {
      cases.add(SCRIPT.substring(0, cut));
    }
    cases.addAll(List.of(
        "local t = { a = 1, b = 2; c = 3, }",
        "local t = { a = 1 b = 2 }",
        "local t = { [\"a\"] = { host = \"h\", port = 4456LL }, }",
        "local t = {} t.x.y = 1",
        "local t = { 1, 2 } [1]",
        "local t = ({ 1, 2 })[1]",
        "local s = \"\\x41\\z\n   B\"",
        "local s = \"\\x4\"",
        "goto skip ::skip::",
        "x = function(...) return ... end",
        "local a, b = { 1 }, { 2 }",
        "local t = { f = function() end, g = 1 }",
        "f{ 1 } f\"s\" a.b:c(1)",
        "return",
        "return 1; x = 1",
        "local t = {",
        "x = 0x1p12 + 4456ULL + 3i",
        "x = 1 + + 2",
        "x = - - 2",
        "for i = 1, 2, 3 do end for k, v in pairs({}) do end while false do break end",
        "if a then elseif b then else end",
        "local function f(a, b, ...) end",
        "(f)()",
        "(f)"));
    Path dir = Files.createDirectories(tmp.resolve("cases"));
    for (int i = 0; i < cases.size(); i++) {
      Files.writeString(dir.resolve(i + ".lua"), cases.get(i), StandardCharsets.UTF_8);
    }
    Path runner = Files.writeString(tmp.resolve("load.lua"), """
        local n = tonumber(arg[2])
        for i = 0, n - 1 do
          local f = assert(io.open(arg[1] .. "/" .. i .. ".lua", "rb"))
          local text = f:read("*a")
          f:close()
          local ok = loadstring(text)
          io.write(ok and "ok\\n" or "refused\\n")
        end
        """);
    RealClients.Result r = RealClients.run(List.of("luajit", runner.toString(), dir.toString(), String.valueOf(cases.size())),
        tmp, 120);
    assertThat(r.exitCode()).as(r.output()).isZero();
    List<String> luajit = r.output().lines().toList();
    assertThat(luajit).hasSize(cases.size());
    for (int i = 0; i < cases.size(); i++) {
      String ours;
      try {
        LuaTables.read(cases.get(i));
        ours = "ok";
      } catch (LuaTables.LuaSyntaxException e) {
        ours = "refused";
      }
      assertThat(ours).as("case %d:%n%s", i, cases.get(i)).isEqualTo(luajit.get(i));
    }
  }
}
