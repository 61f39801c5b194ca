package dev.mwexp.format.lua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.fragment.MergeConflict;
import dev.mwexp.fragment.Merge;
import dev.mwexp.testing.RealClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Before/after tests of the routing-table editor: applied twice, read back, and loaded by LuaJIT. */
class LuaTableEditorTest {

  @TempDir Path tmp;

  static final LuaTableEntries BOTH;

  static {
    Map<String, Target> entries = new LinkedHashMap<>();
    entries.put("k8s-mw-experimental-eqiad", new Target("mw-experimental.eqiad.wmnet", 4456));
    entries.put("k8s-mw-experimental-codfw", new Target("mw-experimental.codfw.wmnet", 4456));
    BOTH = new LuaTableEntries(List.of("debug_maps", "default", "backends"), entries,
        List.of("k8s-mw-experimental-*"), "");
  }

  private void rewrites(String before, String after) throws Exception {
    rewrites(BOTH, before, after);
  }

  private void rewrites(LuaTableEntries merge, String before, String after) throws Exception {
    String once = LuaTableEditor.apply(before, merge);
    assertThat(once).isEqualTo(after);
    assertThat(LuaTableEditor.apply(once, merge)).as("applied twice").isEqualTo(once);
    LuaTables.Table table = LuaTableEditor.find(LuaTables.read(once), merge.tablePath()).orElseThrow();
    merge.entries().forEach((name, target) -> assertThat(LuaTableEditor.target(table.fields().get(name))).isEqualTo(target));
    RealClients.require("luajit");
    Path file = Files.writeString(tmp.resolve("routing.lua"), once);
    RealClients.Result r = RealClients.run(List.of("luajit", "-bl", file.toString(), "/dev/null"), tmp, 30);
    assertThat(r.exitCode()).as(r.output()).isZero();
  }

  @Test
  void anEntryAppendedAfterALastEntryWithoutACommaGivesItOne() throws Exception {
    rewrites("""
        local debug_maps = {
            default = {
                backends = {
                    ["k8s-mwdebug"]               = { host = "mwdebug.discovery.wmnet",     port = 4444 },
                    ["k8s-mw-experimental-eqiad"] = { host = "mw-experimental.eqiad.wmnet", port = 4456 }
                }
            }
        }
        return debug_maps
        """, """
        local debug_maps = {
            default = {
                backends = {
                    ["k8s-mwdebug"]               = { host = "mwdebug.discovery.wmnet",     port = 4444 },
                    ["k8s-mw-experimental-eqiad"] = { host = "mw-experimental.eqiad.wmnet", port = 4456 },
                    ["k8s-mw-experimental-codfw"] = { host = "mw-experimental.codfw.wmnet", port = 4456 },
                }
            }
        }
        return debug_maps
        """);
  }

  /** Its own line rewritten ends with a comma already: one inserted into the old line would leave a blank line behind. */
  @Test
  void aLastEntryWithoutACommaThatIsRewrittenGetsNoSecondOne() throws Exception {
    rewrites("""
        local debug_maps = {
            default = {
                backends = {
                    ["k8s-mwdebug"]               = { host = "mwdebug.discovery.wmnet",     port = 4444 },
                    ["k8s-mw-experimental-eqiad"] = { host = "wikikube-worker-exp1001.eqiad.wmnet", port = 4456 }
                }
            }
        }
        return debug_maps
        """, """
        local debug_maps = {
            default = {
                backends = {
                    ["k8s-mwdebug"]               = { host = "mwdebug.discovery.wmnet",     port = 4444 },
                    ["k8s-mw-experimental-eqiad"] = { host = "mw-experimental.eqiad.wmnet", port = 4456 },
                    ["k8s-mw-experimental-codfw"] = { host = "mw-experimental.codfw.wmnet", port = 4456 },
                }
            }
        }
        return debug_maps
        """);
  }

  @Test
  void aLastEntryWithoutACommaThatIsRemovedLeavesNoBlankLine() throws Exception {
    LuaTableEntries codfwOnly = new LuaTableEntries(BOTH.tablePath(),
        Map.of("k8s-mw-experimental-codfw", new Target("mw-experimental.codfw.wmnet", 4456)), BOTH.ownedGlobs(), "");
    rewrites(codfwOnly, """
        local debug_maps = {
            default = {
                backends = {
                    ["k8s-mwdebug"]               = { host = "mwdebug.discovery.wmnet",     port = 4444 },
                    ["k8s-mw-experimental-eqiad"] = { host = "mw-experimental.eqiad.wmnet", port = 4456 }
                }
            }
        }
        return debug_maps
        """, """
        local debug_maps = {
            default = {
                backends = {
                    ["k8s-mwdebug"]               = { host = "mwdebug.discovery.wmnet",     port = 4444 },
                    ["k8s-mw-experimental-codfw"] = { host = "mw-experimental.codfw.wmnet", port = 4456 },
                }
            }
        }
        return debug_maps
        """);
  }

  @Test
  void crlfFilesGetCrlfLines() throws Exception {
    rewrites("local debug_maps = {\r\n    default = {\r\n        backends = {\r\n"
            + "            [\"k8s-mwdebug\"] = { host = \"mwdebug.discovery.wmnet\", port = 4444 },\r\n"
            + "        },\r\n    },\r\n}\r\nreturn debug_maps\r\n",
        "local debug_maps = {\r\n    default = {\r\n        backends = {\r\n"
            + "            [\"k8s-mwdebug\"] = { host = \"mwdebug.discovery.wmnet\", port = 4444 },\r\n"
            + "            [\"k8s-mw-experimental-eqiad\"] = { host = \"mw-experimental.eqiad.wmnet\", port = 4456 },\r\n"
            + "            [\"k8s-mw-experimental-codfw\"] = { host = \"mw-experimental.codfw.wmnet\", port = 4456 },\r\n"
            + "        },\r\n    },\r\n}\r\nreturn debug_maps\r\n");
  }

  @Test
  void anAssignmentAfterTheTableOrAMissingCommaIsAPositionedConflict() {
    String table = """
        local debug_maps = {
            default = {
                backends = {
                    ["k8s-mw-experimental-eqiad"] = { host = "mw-experimental.eqiad.wmnet", port = 4456 },
                    ["k8s-mw-experimental-codfw"] = { host = "mw-experimental.codfw.wmnet", port = 4456 },
                },
            },
        }
        """;
    assertThatThrownBy(() -> LuaTableEditor.apply(table
        + "debug_maps.default.backends[\"k8s-mw-experimental-eqiad\"] = { host = \"mw-experimental.codfw.wmnet\", port = 4456 }\n",
        BOTH)).isInstanceOf(MergeConflict.class).hasMessageStartingWith("line 9: sets debug_maps.default.backends[\"k8s-mw-experimental-eqiad\"] after the table");
    assertThatThrownBy(() -> LuaTableEditor.apply(table.replace("4456 },\n", "4456 }\n"), BOTH))
        .isInstanceOf(MergeConflict.class).hasMessage("line 5: is not Lua: line 5: '}' expected (to close '{' at line 3) near '['");
  }
}
