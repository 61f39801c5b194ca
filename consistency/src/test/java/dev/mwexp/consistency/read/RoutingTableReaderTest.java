package dev.mwexp.consistency.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.consistency.facts.Backend;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.format.lua.LuaTables;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTableReaderTest {

  @Test
  void readsWikimediaShapedScopesAndBackends() throws Exception {
    String lua =
        """
        -- x-wikimedia-debug-routing.lua (abridged, as operations-puppet has it)
        local default = {
            name = "default",
            backends = {
                ["k8s-mw-experimental-eqiad"] = { host = "mw-experimental.eqiad.wmnet", port = 4456 },
                ['k8s-mw-experimental-codfw'] = { host = 'mw-experimental.codfw.wmnet', port = 4456 }, -- trailing
            },
        }
        --[[ a long comment with { host = "not.a.backend", port = 1 } ]]
        local phabricator = {
            name = "phab",
            hosts = { ["phabricator.wikimedia.org"] = true },
            backends = { ["phab1"] = { host = [[phab1001.eqiad.wmnet]], port = 0x1BB } },
        }
        local scopes = { phabricator }
        function do_remap()
            local t = { host = "inside.function", port = 80 }
            return default
        end
        """;

    List<Backend> backends = RoutingTableReader.read("r.lua", lua);

    assertThat(backends)
        .containsExactly(
            new Backend("default", "k8s-mw-experimental-eqiad", "mw-experimental.eqiad.wmnet", 4456, Source.of("r.lua", 5)),
            new Backend("default", "k8s-mw-experimental-codfw", "mw-experimental.codfw.wmnet", 4456, Source.of("r.lua", 6)),
            new Backend("phab", "phab1", "phab1001.eqiad.wmnet", 443, Source.of("r.lua", 13)));
  }

  /** Issue 13: what Lua keeps, not what the text shows first. */
  @Test
  void readsWhatTheRunningScriptSees() throws Exception {
    String lua =
        """
        local full_copy = {
            backends = { ["k8s-mw-experimental-eqiad"] = { host = "right.eqiad.wmnet", port = 4456 } },
        }
        local default = {
            name = "default",
            backends = {
                ["k8s-mw-experimental-eqiad"] = { host = "first.eqiad.wmnet", port = 4456 },
                ["k8s-mw-experimental-eqiad"] = { host = "last.eqiad.wmnet", port = 4456 },
            },
        }
        local default = { name = "default", backends = {} }
        default = { name = "default", backends = { ["x"] = { host = "reassigned.eqiad.wmnet", port = 1 } } }
        function do_remap() return default.backends end
        """;
    RoutingTableReader.Routing routing = RoutingTableReader.routing("r.lua", lua);
    assertThat(routing.backends())
        .containsExactly(new Backend("default", "x", "reassigned.eqiad.wmnet", 1, Source.of("r.lua", 12)));
    // The duplicate sits in a table the script no longer sees; a live duplicate is reported.
    assertThat(routing.duplicates()).isEmpty();

    RoutingTableReader.Routing live = RoutingTableReader.routing("r.lua", lua.replace("local default = { name = \"default\", backends = {} }\n", "")
        .replace("default = { name = \"default\", backends = { [\"x\"] = { host = \"reassigned.eqiad.wmnet\", port = 1 } } }\n", ""));
    assertThat(live.backends()).extracting(Backend::host).containsExactly("last.eqiad.wmnet");
    assertThat(live.duplicates()).containsExactly(new RoutingTableReader.DuplicateKey(
        "k8s-mw-experimental-eqiad", Source.of("r.lua", 7), Source.of("r.lua", 8)));
  }

  @Test
  void hostileSourcesAreTypedSyntaxErrors() {
    for (String bad : List.of("x = { a = 1abc }", "x = { a = 0xZZ }", "x = { a = 1e }", "x = { a = 1.2.3 }",
        "x = " + "{".repeat(5000) + "}".repeat(5000), "x = { a = { b = 1,", "x = { [[unfinished")) {
      assertThatThrownBy(() -> RoutingTableReader.read("r.lua", bad)).as(bad.substring(0, Math.min(40, bad.length())))
          .isInstanceOf(LuaTables.LuaSyntaxException.class);
    }
  }

  @Test
  void decodesLuaEscapesAsBytes() throws Exception {
    List<Backend> backends =
        RoutingTableReader.read("r.lua", "x = { [\"caf\\195\\169\\n\\\"q\\\"\"] = { host = \"h\", port = 1 } }\nreturn x");
    assertThat(backends.get(0).name()).isEqualTo("café\n\"q\"");
  }

  @Test
  void syntaxErrorsNameTheLine() {
    assertThatThrownBy(() -> RoutingTableReader.read("r.lua", "x = {\n  a = \"unterminated\n}\n"))
        .isInstanceOf(LuaTables.LuaSyntaxException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> RoutingTableReader.read("r.lua", "x = {\n  a = 1\n  b = 2\n}"))
        .isInstanceOf(LuaTables.LuaSyntaxException.class)
        .hasMessageContaining("line 3");
  }
}
