package dev.mwexp.consistency.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.consistency.facts.Backend;
import dev.mwexp.consistency.facts.Source;
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
        function do_remap()
            local t = { host = "inside.function", port = 80 }
            return 0
        end
        """;

    List<Backend> backends = RoutingTableReader.read("r.lua", lua);

    assertThat(backends)
        .containsExactly(
            new Backend("default", "k8s-mw-experimental-eqiad", "mw-experimental.eqiad.wmnet", 4456, Source.of("r.lua", 5)),
            new Backend("default", "k8s-mw-experimental-codfw", "mw-experimental.codfw.wmnet", 4456, Source.of("r.lua", 6)),
            new Backend("phab", "phab1", "phab1001.eqiad.wmnet", 443, Source.of("r.lua", 13)));
  }

  @Test
  void decodesLuaEscapesAsBytes() throws Exception {
    List<Backend> backends =
        RoutingTableReader.read("r.lua", "x = { [\"caf\\195\\169\\n\\\"q\\\"\"] = { host = \"h\", port = 1 } }");
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
