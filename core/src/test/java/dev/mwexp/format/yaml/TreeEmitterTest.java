package dev.mwexp.format.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.mwexp.testing.Concatenations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * TreeEmitter against the Jackson-driven writer it replaced: the same bytes for random trees whose
 * strings are built from the fragments that steer SnakeYAML's choice of style (indicators, blanks,
 * line breaks, quotes, escapes, Unicode, YAML 1.1 keywords, long keys), in both quoting modes.
 */
class TreeEmitterTest {

  private static final List<String> FRAGMENTS = List.of(
      "", "a", "mw", "x-y", "0", "0775", "1", "1.5", "+1", "-", "-.5", ".", "1e3", "0x1F", "10:30", "2001-12-14",
      "yes", "No", "on", "OFF", "true", "null", "~", "y", "=", "<<", " ", "  ", "\n", "\n\n", "\t", "\r",
      ":", ": ", "#", " #", "?", "? ", "- ", "---", "...", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">",
      "'", "\"", "%", "@", "`", "\\", "%{x}", "/srv/mediawiki", "a: b", "\u00e9", "\u00a0", "\u0085", "\u2028",
      "\u2029", "\ufeff", "\u0000", "\u0007", "\u001b", "\u007f", "\u009f", "\ud83d\ude00", "\ud800", "\udc00",
      "\ufffe", "\u4e2d", "\u0101", "name", "type", "nodePort", "o", "Yes", "f", "Null", "NULL", "trueish", "offset",
      "n0", "profile::node", "x:", "::", "kubernetes.io/hostname", "a/b", "a.b", "a_b", "yesno", "On", "No-", "N");

  private static Gen<String> strings() {
    Gen<String> fragments = Concatenations.of(FRAGMENTS, 6);
    return in -> {
      String s = fragments.generate(in);
      // Now and then past the 128 characters of a simple key.
      return integers().between(0, 9).generate(in) == 0 ? s + "k".repeat(integers().between(100, 140).generate(in)) : s;
    };
  }

  private static Gen<Object> trees(int depth) {
    Gen<String> strings = strings();
    return in -> {
      int kind = integers().between(0, depth == 0 ? 4 : 6).generate(in);
      switch (kind) {
        case 0, 1:
          return strings.generate(in);
        case 2:
          return integers().between(-5, 5).generate(in) == 0 ? null : (Object) integers().all().generate(in);
        case 3:
          return arbitrary().pick(List.<Object>of(true, false, 4456L, new BigDecimal("1.50"), Long.MAX_VALUE)).generate(in);
        case 4:
          return strings.generate(in);
        case 5: {
          Map<String, Object> map = new LinkedHashMap<>();
          int n = integers().between(0, 4).generate(in);
          for (int i = 0; i < n; i++) {
            map.put(strings.generate(in), trees(depth - 1).generate(in));
          }
          return map;
        }
        default: {
          List<Object> list = new ArrayList<>();
          int n = integers().between(0, 4).generate(in);
          for (int i = 0; i < n; i++) {
            list.add(trees(depth - 1).generate(in));
          }
          return list;
        }
      }
    };
  }

  @Test
  void writesTheBytesJacksonAndSnakeYamlWrote() {
    qt().withExamples(20_000)
        .forAll(trees(4))
        .checkAssert(tree -> assertThat(YamlText.write(tree)).isEqualTo(JacksonYamlOracle.write(tree)));
  }

  @Test
  void writesTheBytesJacksonAndSnakeYamlWroteWithEveryStringQuoted() {
    qt().withExamples(5_000)
        .forAll(trees(4))
        .checkAssert(tree -> assertThat(new TreeEmitter(false, YamlText.Yaml11Safe.INSTANCE).document(tree))
            .isEqualTo(JacksonYamlOracle.write(tree, false)));
  }

  @Test
  void writesNestedLayoutsAsBefore() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("ll", List.of(List.of("a", "b"), List.of(), List.of(List.of("c", Map.of("x", "y")))));
    doc.put("lm", List.of(Map.of("k", List.of("z")), Map.of("j", Map.of("n", 1))));
    doc.put("lit", List.of("one\ntwo\n", " lead\nx", "a\n\n", Map.of("q", "r\ns")));
    doc.put("k".repeat(130), Map.of("long", "key"));
    doc.put("", "empty key");
    doc.put("multi\nline", "key");
    assertThat(YamlText.write(doc)).isEqualTo(JacksonYamlOracle.write(doc));
    assertThat(YamlText.write(List.of(doc, List.of(doc)))).isEqualTo(JacksonYamlOracle.write(List.of(doc, List.of(doc))));
    for (Object root : List.of("", "plain", "a\nb", 1, List.of(), Map.of())) {
      assertThat(YamlText.write(root)).as(String.valueOf(root)).isEqualTo(JacksonYamlOracle.write(root));
    }
  }
}
