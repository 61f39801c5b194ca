package dev.mwexp.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.mwexp.model.Php;
import dev.mwexp.testing.RealClients;
import dev.mwexp.validation.Syntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * The php.ini overrides, read by real PHP ({@code php -n -c FILE}): every directive validation
 * accepts reaches PHP with the value the spec wrote, none is dropped; and what validation refuses
 * really does break PHP's reading (so the rule is neither too strict nor too loose).
 */
class PhpIniRealPhpTest {

  @TempDir Path tmp;

  /** PHP reads these words as constants: yes/on/true become "1", the rest "". */
  private static final Map<String, String> KEYWORDS = Map.of("yes", "1", "on", "1", "true", "1",
      "no", "", "off", "", "false", "", "none", "", "null", "");

  @BeforeAll
  static void php() {
    RealClients.require("php");
  }

  /** What PHP's configuration holds for each key, after reading {@code ini}. */
  private Map<String, String> readByPhp(String ini, List<String> keys) throws Exception {
    Path file = Files.writeString(Files.createTempFile(tmp, "overrides", ".ini"), ini);
    StringBuilder code = new StringBuilder("foreach (['");
    code.append(String.join("','", keys)).append("'] as $k) { $v = get_cfg_var($k);")
        .append(" echo $k, \"\\t\", $v === false ? '<absent>' : bin2hex($v), \"\\n\"; }");
    RealClients.Result r = RealClients.run(List.of("php", "-n", "-c", file.toString(), "-r", code.toString()), null, 30);
    assertThat(r.exitCode()).as(r.output()).isZero();
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : r.output().lines().toList()) {
      if (!line.contains("\t")) {
        // PHP's own diagnostics (syntax errors in the ini file), on either stream.
        if (!line.isBlank()) {
          out.put("<warning>", line);
        }
        continue;
      }
      String[] kv = line.split("\t", 2);
      out.put(kv[0], kv[1].equals("<absent>") ? null : new String(java.util.HexFormat.of().parseHex(kv[1])));
    }
    return out;
  }

  private static final String ALPHABET = "abcXYZ019 _.,:/+@-";

  private static Gen<String> values() {
    return lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(0, 30)
        .map(idx -> {
          StringBuilder b = new StringBuilder();
          idx.forEach(i -> b.append(ALPHABET.charAt(i)));
          // Outer spaces are refused (PHP trims them), so generated values have none.
          return b.toString().strip();
        });
  }

  @Test
  void everyValueValidationAcceptsReachesPhpUnchanged() {
    qt().withExamples(40).forAll(lists().of(values()).ofSizeBetween(1, 25)).checkAssert(values -> {
      assertThat(values).allMatch(Syntax::isIniValue);
      Map<String, String> directives = new LinkedHashMap<>();
      for (int i = 0; i < values.size(); i++) {
        directives.put("mwexp.test" + i, values.get(i));
      }
      String ini = PhpConfigMap.ini(Php.builder().putAllIniOverrides(directives).develMode(false).build());
      List<String> keys = new ArrayList<>(directives.keySet());
      keys.add("opcache.validate_timestamps");
      Map<String, String> read;
      try {
        read = readByPhp(ini, keys);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      assertThat(read).as(ini).doesNotContainKey("<warning>");
      directives.forEach((k, v) -> assertThat(read.get(k)).as("%s in%n%s", k, ini)
          .isEqualTo(KEYWORDS.getOrDefault(v.toLowerCase(Locale.ROOT), v)));
      // The directive mw-experimental exists for comes after the user's, and survives them.
      assertThat(read.get("opcache.validate_timestamps")).isEqualTo("1");
    });
  }

  @Test
  void whatValidationRefusesReallyBreaksPhp() throws Exception {
    for (String bad : List.of("UTC=1", "a!b", "a~b", "a(b", "a)b", "a\"b", "a;b", "a'b", "a&b", "a|b", "a^b")) {
      assertThat(Syntax.isIniValue(bad)).as(bad).isFalse();
      String ini = "mwexp.bad=" + bad + "\nmwexp.after=kept\n";
      Map<String, String> read = readByPhp(ini, List.of("mwexp.bad", "mwexp.after"));
      boolean broken = read.containsKey("<warning>") || !bad.equals(read.get("mwexp.bad")) || read.get("mwexp.after") == null;
      assertThat(broken).as("PHP reads %s unchanged, so validation need not refuse it: %s", bad, read).isTrue();
    }
    for (String key : Set.of("yes", "No", "TRUE", "off", "none", "null")) {
      assertThat(Syntax.isIniKey(key)).as(key).isFalse();
      Map<String, String> read = readByPhp(key + "=1\nmwexp.after=kept\n", List.of("mwexp.after"));
      assertThat(read.get("mwexp.after")).as("a directive after the key %s", key).isNull();
    }
    // Outer spaces are refused because PHP trims them: the value would not be what the spec says.
    assertThat(Syntax.isIniValue(" UTC")).isFalse();
    assertThat(readByPhp("mwexp.v= UTC \n", List.of("mwexp.v")).get("mwexp.v")).isEqualTo("UTC");
  }
}
