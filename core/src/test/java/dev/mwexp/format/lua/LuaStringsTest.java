package dev.mwexp.format.lua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.mwexp.testing.RealClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any string, escaped, parses in LuaJIT as a string literal with exactly the same bytes. */
class LuaStringsTest {

  @TempDir static Path tmp;

  @BeforeAll
  static void luajit() {
    RealClients.require("luajit");
  }

  @Test
  void literalsAreAsciiAndCloseWhereTheyShould() {
    assertThat(LuaStrings.literal("a\"]] = os.execute('id') --\n\\")).isEqualTo("\"a\\034]] = os.execute('id') --\\010\\092\"");
    assertThat(LuaStrings.literal("\u00e9")).isEqualTo("\"\\195\\169\"");
    assertThat(LuaStrings.literal("\u00011")).isEqualTo("\"\\0011\"");
  }

  @Test
  void arbitraryStringsRoundTripThroughLuaJit() throws Exception {
    // Batches of strings per LuaJIT run: each example is a list, printed back as hex bytes.
    int[] runs = {0};
    qt().withExamples(300)
        .forAll(lists().of(strings().betweenCodePoints(0, 0x10FFFF).ofLengthBetween(0, 24)).ofSizeBetween(1, 20))
        .checkAssert(values -> {
          List<String> clean = values.stream().map(LuaStringsTest::withoutLoneSurrogates).toList();
          StringBuilder lua = new StringBuilder("local values = {\n");
          clean.forEach(v -> lua.append("  ").append(LuaStrings.literal(v)).append(",\n"));
          lua.append("}\nfor _, v in ipairs(values) do\n  io.write((v:gsub('.', function(c) return string.format('%02x', c:byte()) end)), '\\n')\nend\n");
          try {
            Path script = Files.writeString(tmp.resolve("strings" + runs[0]++ + ".lua"), lua.toString());
            RealClients.Result r = RealClients.run(List.of("luajit", script.toString()), null, 60);
            assertThat(r.exitCode()).as(r.output()).isZero();
            List<String> lines = r.output().lines().toList();
            assertThat(lines).hasSize(clean.size());
            for (int i = 0; i < clean.size(); i++) {
              assertThat(lines.get(i)).isEqualTo(HexFormat.of().formatHex(clean.get(i).getBytes(StandardCharsets.UTF_8)));
            }
          } catch (java.io.IOException e) {
            throw new AssertionError(e);
          }
        });
  }

  private static String withoutLoneSurrogates(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }
}
