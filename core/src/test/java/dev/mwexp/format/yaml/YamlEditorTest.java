package dev.mwexp.format.yaml;

import dev.mwexp.fragment.MergeConflict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.fragment.Merge;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlEditorTest {

  private static YamlKeys set(String key, Object value) {
    return new YamlKeys(Map.of(List.of(key), value), List.of(), "");
  }

  /**
   * SnakeYAML places nodes by code point, Java by UTF-16 char: an emoji in an earlier comment (as
   * in deployment-charts' opentelemetry-collector values) once moved the splice two chars early,
   * deleting the comment above the edited key (AlertExclusionsTest holds ScalarText to the same).
   */
  @Test
  void anEmojiEarlierInTheFileDoesNotMoveTheEdit() throws Exception {
    String before = "config:\n  # \uD83D\uDC4B Hello, service owners \uD83D\uDC47\n  a: 1\n\n# T396767\nb: 1\n";
    assertThat(YamlEditor.apply(before, set("b", 2)))
        .isEqualTo("config:\n  # \uD83D\uDC4B Hello, service owners \uD83D\uDC47\n  a: 1\n\n# T396767\nb: 2\n");
  }

  @Test
  void aValueEqualAsYaml11ReadsItIsLeftAsWritten() throws Exception {
    String file = "# hosts\nprofile::mw_experimental: yes   # on\nreplicas: 0x2\nother: 1\n";

    assertThat(YamlEditor.apply(file, set("profile::mw_experimental", true))).isEqualTo(file);
    assertThat(YamlEditor.apply(file, set("replicas", 2))).isEqualTo(file);
  }

  /** hasTopKey answers most host files without a parse; an escaped key must still be found. */
  @Test
  void aTopKeyIsFoundHoweverItIsSpeltAndOnlyAtTheTop() {
    String key = "profile::mw_experimental";

    assertThat(YamlEditor.hasTopKey("a: 1\nprofile::mw_experimental: true\n", key)).isTrue();
    assertThat(YamlEditor.hasTopKey("'profile::mw_experimental': true\n", key)).isTrue();
    assertThat(YamlEditor.hasTopKey("\"profile::mw\\x5fexperimental\": true\n", key)).isTrue();
    assertThat(YamlEditor.hasTopKey("? \"profile::mw_\\\n  experimental\"\n: true\n", key)).isTrue();
    assertThat(YamlEditor.hasTopKey("other:\n  profile::mw_experimental: true\n", key)).isFalse();
    assertThat(YamlEditor.hasTopKey("# profile::mw_experimental: true\nprofile::mw_experimentals: 1\n", key)).isFalse();
    assertThat(YamlEditor.hasTopKey("profile::other: \"a\\tb\"\n", key)).isFalse();
  }

  @Test
  void aDifferentValueReplacesOnlyItsEntry() throws Exception {
    String file = "# hosts\nprofile::mw_experimental: no\nother: 1\n";

    assertThat(YamlEditor.apply(file, set("profile::mw_experimental", true)))
        .isEqualTo("# hosts\nprofile::mw_experimental: true\nother: 1\n");
  }

  @Test
  void infinityOrNanWhereMwexpWritesANumberIsReplacedNotACrash() throws Exception {
    for (String odd : List.of(".inf", "-.Inf", ".NaN")) {
      String file = "port: " + odd + "\nother: 1\n";

      assertThat(YamlEditor.apply(file, set("port", 30443))).isEqualTo("port: 30443\nother: 1\n");
      assertThat(YamlEditor.get(file, List.of("port"))).get().isInstanceOf(Double.class);
    }
  }

  @Test
  void severalKeysAndARemovalInOneApply() throws Exception {
    String file = "# host\na: 1\nb:\n  c: 2\nold: x\nz: 9\n";
    Map<List<String>, Object> set = new java.util.LinkedHashMap<>();
    set.put(List.of("a"), 1);
    set.put(List.of("b", "c"), 3);
    set.put(List.of("b", "d"), "new");
    set.put(List.of("n"), List.of("x", "y"));

    assertThat(YamlEditor.apply(file, new YamlKeys(set, List.of(List.of("old")), "")))
        // n and y are YAML 1.1 booleans, so the writer quotes them.
        .isEqualTo("# host\na: 1\nb:\n  c: 3\n  d: new\nz: 9\n\"n\":\n  - x\n  - \"y\"\n");
  }

  @Test
  void aValueThatIsAnAliasComparesAsWhatItStandsFor() throws Exception {
    String file = "base: &p 30443\nport: *p\n";

    assertThat(YamlEditor.apply(file, set("port", 30443))).isEqualTo(file);
  }

  /**
   * Into a file holding only comments, apply() renders the keys merged into one tree instead of
   * editing key by key; it must write the same bytes, or fail the same way.
   */
  @Test
  void keysIntoAFileOfCommentsAreWrittenAsKeyByKeyWritesThem() {
    org.quicktheories.QuickTheory.qt().withExamples(2000)
        .forAll(org.quicktheories.generators.SourceDSL.longs().all())
        .checkAssert(seed -> {
          java.util.Random r = new java.util.Random(seed);
          String file = List.of("", "# eqiad settings of mw-experimental.\n", "# no newline", "\n# a\n\n", "  # indented\n")
              .get(r.nextInt(5));
          Map<List<String>, Object> set = new java.util.LinkedHashMap<>();
          for (int i = r.nextInt(6); i > 0; i--) {
            set.put(path(r), value(r, 0));
          }
          List<List<String>> removed = new java.util.ArrayList<>();
          for (int i = r.nextInt(3); i > 0; i--) {
            removed.add(path(r));
          }
          YamlKeys merge = new YamlKeys(set, removed, "");
          String keyByKey;
          try {
            keyByKey = YamlEditor.keyByKey(file, merge);
          } catch (dev.mwexp.fragment.MergeConflict e) {
            keyByKey = "conflict";
          }
          String whole;
          try {
            whole = YamlEditor.apply(file, merge);
          } catch (dev.mwexp.fragment.MergeConflict e) {
            whole = "conflict";
          }
          assertThat(whole).as("%s into %s", merge, file).isEqualTo(keyByKey);
        });
  }

  private static List<String> path(java.util.Random r) {
    List<String> path = new java.util.ArrayList<>();
    for (int i = 1 + r.nextInt(3); i > 0; i--) {
      path.add(List.of("main_app", "limits", "cpu", "profile::kubernetes::node::mw_experimental", "yes", "a b").get(r.nextInt(6)));
    }
    return path;
  }

  private static Object value(java.util.Random r, int depth) {
    switch (r.nextInt(depth > 1 ? 8 : 10)) {
      case 0:
        return r.nextInt(100_000);
      case 1:
        return r.nextBoolean();
      case 2:
        return null;
      case 3:
        return new java.math.BigDecimal("1.50");
      case 4:
        return List.of("yes", "1.0", "~", "a: b", "", "mw-experimental", "0755", "- x", "#", "3500Mi").get(r.nextInt(10));
      case 5:
        return "line\nbreak";
      case 6:
        return Map.of();
      case 7:
        return List.of();
      case 8: {
        List<Object> list = new java.util.ArrayList<>();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
          list.add(value(r, depth + 1));
        }
        return list;
      }
      default: {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
          map.put(List.of("cpu", "memory", "limits", "x").get(r.nextInt(4)), value(r, depth + 1));
        }
        return map;
      }
    }
  }
}
