package dev.mwexp.format.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** YamlValues against SnakeYAML's own safe constructor, the oracle of what YAML 1.1 reads. */
class YamlValuesTest {

  private static Object ours(String text) {
    return YamlValues.of(YamlNodes.composer(text, new LoaderOptions()).getSingleNode());
  }

  private static Object oracle(String text) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
  }

  /** Numbers compared by value (the boxed type may differ), timestamps by being one. */
  private static Object comparable(Object v) {
    if (v instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? d : BigDecimal.valueOf(d).stripTrailingZeros();
    }
    if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
      return new BigDecimal(v.toString());
    }
    if (v instanceof Date || v instanceof YamlValues.Timestamp) {
      return "a timestamp";
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(comparable(k), comparable(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(comparable(x)));
      return out;
    }
    return v;
  }

  @Test
  void everyScalarSpellingReadsAsSnakeYamlReadsIt() {
    qt().withExamples(1000).forAll(scalars()).checkAssert(spelling -> {
      String text = "key: " + spelling + "\n";
      assertThat(comparable(ours(text))).as(spelling).isEqualTo(comparable(oracle(text)));
    });
  }

  @Test
  void documentsWithNestingAliasesAndMergeKeysReadAsSnakeYamlReadsThem() {
    qt().withExamples(300).forAll(scalars(), scalars(), scalars()).checkAssert((a, b, c) -> {
      String text = "base: &b\n  x: " + a + "\n  y: " + b + "\n"
          + "other: &o {y: " + c + ", z: " + a + "}\n"
          + "list:\n  - " + a + "\n  - [" + b + ", " + c + "]\n  - {k: " + c + "}\n"
          + "merged:\n  <<: [*b, *o]\n  x: " + c + "\n"
          + "again: *b\n";
      assertThat(comparable(ours(text))).as(text).isEqualTo(comparable(oracle(text)));
    });
  }

  @Test
  void typesAreThoseOfYaml11() {
    @SuppressWarnings("unchecked")
    Map<String, Object> v = (Map<String, Object>) ours(
        "a: yes\nb: 0x1F\nc: 99999999999\nd: 1.5\ne: ~\nf: 2001-12-14\ng: '1'\nh: 123456789012345678901234567890\n");

    assertThat(v.get("a")).isEqualTo(true);
    assertThat(v.get("b")).isEqualTo(31);
    assertThat(v.get("c")).isEqualTo(99999999999L);
    assertThat(v.get("d")).isEqualTo(1.5);
    assertThat(v).containsEntry("e", null);
    assertThat(v.get("f")).isInstanceOf(YamlValues.Timestamp.class).hasToString("2001-12-14");
    assertThat(v.get("g")).isEqualTo("1");
    assertThat(v.get("h")).isEqualTo(new BigInteger("123456789012345678901234567890"));
  }

  @Test
  void aKeyGivenTwiceOrARecursiveAliasIsAnErrorNotACrash() {
    assertThatThrownBy(() -> ours("a: 1\nb: 2\na: 3\n")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 3").hasMessageContaining("'a' is given twice");
    assertThatThrownBy(() -> ours("a: &x [*x]\n")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nested more than 64");
  }

  private static Gen<String> scalars() {
    Gen<String> words = Generate.pick(List.of("yes", "No", "ON", "off", "true", "False", "TRUE", "y", "n", "~",
        "null", "Null", "NULL", "''", "0", "-0", "+7", "0x1F", "-0x1f", "0b101", "0755", "-0755", "1_000", "190:20:30",
        "-1:30", "1.5", "-.5", "1e3", "6.8523015e+5", "685.230_15e+03", "190:20:30.15", ".inf", "-.Inf", "+.INF", ".NaN",
        "2001-12-14", "2001-12-14t21:59:43.10-05:00", "30443", "'30443'", "\"yes\"", "mw-experimental", "a b",
        "0.0", "007", "3.", "2147483648", "-2147483649", "9223372036854775808", "0x7fffffffffffffff1",
        "!!str 12", "!!int '12'", "!!float '1'", "!!bool 'yes'", "!!null ''"));
    Gen<String> numbers = Generate.longRange(-100_000_000_000L, 100_000_000_000L).map((Long n) -> String.valueOf(n));
    Gen<String> decimals = Generate.longRange(-1_000_000, 1_000_000)
        .zip(Generate.range(0, 6), (Long n, Integer shift) -> BigDecimal.valueOf(n, shift).toPlainString());
    return words.mix(numbers).mix(decimals);
  }
}
