package dev.mwexp.format.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mwexp.files.SafeTree;
import dev.mwexp.files.TreeException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The checker's YAML reader: SnakeYAML's composer and YAML 1.1 scalars, as sync's editor reads them. */
class YamlDocumentTest {

  @Test
  void scalarsAreYaml11AsPuppetAndHelmReadThem() throws Exception {
    JsonNode root = only("""
        enabled: yes
        off_switch: Off
        port: 0x7747
        big: 1_000
        octal: 0755
        ratio: 1.5
        nothing: ~
        date: 2001-12-14
        quoted: "yes"
        name: mw-experimental
        """).root();

    assertThat(root.get("enabled").booleanValue()).isTrue();
    assertThat(root.get("off_switch").isBoolean()).isTrue();
    assertThat(root.get("off_switch").booleanValue()).isFalse();
    assertThat(root.get("port").longValue()).isEqualTo(0x7747);
    assertThat(root.get("big").longValue()).isEqualTo(1000);
    assertThat(root.get("octal").longValue()).isEqualTo(0755);
    assertThat(root.get("ratio").decimalValue()).isEqualByComparingTo("1.5");
    assertThat(root.get("nothing").isNull()).isTrue();
    assertThat(root.get("date").textValue()).isEqualTo("2001-12-14");
    assertThat(root.get("quoted").textValue()).isEqualTo("yes");
    assertThat(root.get("name").textValue()).isEqualTo("mw-experimental");
  }

  @Test
  void everyValueKnowsTheLineItsKeyIsOn() throws Exception {
    YamlDocument doc = only("""
        # a comment
        main_app:
          image: mediawiki

          limits:
            cpu: 8
        resources:
          - name: a
          - name: b
        """);

    assertThat(doc.line("/main_app")).isEqualTo(2);
    assertThat(doc.line("/main_app/limits/cpu")).isEqualTo(6);
    assertThat(doc.line("/resources/1/name")).isEqualTo(9);
    // Absent: the nearest parent's line.
    assertThat(doc.line("/main_app/limits/memory")).isEqualTo(5);
    assertThat(doc.line("/nowhere")).isEqualTo(2);
  }

  @Test
  void readsEveryDocumentOfAStreamAndSkipsEmptyOnes() throws Exception {
    List<YamlDocument> docs = YamlDocument.readAll("k.yaml", """
        kind: Service
        ---
        ---
        kind: Deployment
        metadata: {name: mw, labels: {"app.kubernetes.io/name": mw}}
        """);

    assertThat(docs).extracting(d -> d.root().get("kind").textValue()).containsExactly("Service", "Deployment");
    assertThat(docs.get(1).file()).isEqualTo("k.yaml");
    assertThat(docs.get(1).line("/metadata/labels/" + YamlDocument.escape("app.kubernetes.io/name"))).isEqualTo(5);
  }

  @Test
  void aliasesExpandAndARecursiveOneIsAnErrorNotACrash(@TempDir Path dir) throws Exception {
    JsonNode root = only("""
        base: &b {port: 30443}
        eqiad: *b
        """).root();
    assertThat(root.get("eqiad").get("port").intValue()).isEqualTo(30443);

    Files.writeString(dir.resolve("loop.yaml"), "a: &x [*x]\n");
    assertThatThrownBy(() -> YamlDocument.read(SafeTree.at(dir), dir.resolve("loop.yaml")))
        .isInstanceOf(TreeException.class)
        .hasMessageContaining("loop.yaml");
  }

  @Test
  void mergeKeysApplyAsInYamlEditorAndAKeyWrittenTwiceKeepsItsLastValue() throws Exception {
    YamlDocument doc = only("""
        base: &b
          port: 30443
          name: base
        svc:
          <<: *b
          name: mw
          name: mw-experimental
        """);

    JsonNode svc = doc.root().get("svc");
    assertThat(svc.get("port").intValue()).isEqualTo(30443);
    assertThat(svc.get("name").textValue()).isEqualTo("mw-experimental");
    assertThat(svc.has("<<")).isFalse();
    // A merged value is where it is written.
    assertThat(doc.line("/svc/port")).isEqualTo(2);
  }

  @Test
  void malformedYamlNamesTheFileLineAndColumn(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("values.yaml"), "main_app:\n  image: [unclosed\nother: 1\n");

    assertThatThrownBy(() -> YamlDocument.read(SafeTree.at(dir), dir.resolve("values.yaml")))
        .isInstanceOfSatisfying(TreeException.class, e -> {
          assertThat(e.file()).isEqualTo("values.yaml");
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.column()).isPositive();
          assertThat(e.reason()).startsWith("is not valid YAML");
        });
  }

  /** The one-reader rule: check (this reader) and sync (YamlEditor) see the same value in a file. */
  @Test
  void agreesWithSyncsEditorOnEveryScalarSpelling() {
    qt().withExamples(400).forAll(scalars()).checkAssert(spelling -> {
      String text = "key: " + spelling + "\n";
      Optional<Object> editor;
      try {
        editor = YamlEditor.get(text, List.of("key"));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      JsonNode mine = YamlDocument.readAll("f.yaml", text).get(0).root().get("key");
      Object expected = editor.orElseThrow();
      if (expected == YamlEditor.NULL) {
        assertThat(mine.isNull()).as(spelling).isTrue();
      } else if (expected instanceof BigDecimal d) {
        assertThat(mine.isNumber()).as(spelling).isTrue();
        assertThat(mine.decimalValue()).as(spelling).isEqualByComparingTo(d);
      } else if (expected instanceof Double d) {
        assertThat(mine.doubleValue()).as(spelling).isEqualTo(d);
      } else if (expected instanceof Boolean b) {
        assertThat(mine.isBoolean()).as(spelling).isTrue();
        assertThat(mine.booleanValue()).as(spelling).isEqualTo(b);
      } else if (expected instanceof String s) {
        assertThat(mine.textValue()).as(spelling).isEqualTo(s);
      } else {
        // Timestamps: a value of their own to the editor; the checker keeps the text it compares.
        assertThat(expected).as(spelling).isInstanceOf(dev.mwexp.format.yaml.YamlValues.Timestamp.class);
        assertThat(mine.textValue()).as(spelling).isEqualTo(spelling);
      }
    });
  }

  private static Gen<String> scalars() {
    Gen<String> words = Generate.pick(List.of("yes", "No", "ON", "off", "true", "False", "y", "n", "~", "null",
        "Null", "", "0", "-0", "+7", "0x1F", "0b101", "0755", "1_000", "190:20:30", "1.5", "-.5", "1e3",
        "6.8523015e+5", ".inf", "-.Inf", "2001-12-14", "30443", "'30443'", "\"yes\"", "mw-experimental",
        "a b", "0.0", "007", "1:2"));
    Gen<String> numbers = Generate.longRange(-100_000_000_000L, 100_000_000_000L).map((Long n) -> String.valueOf(n));
    Gen<String> decimals = Generate.longRange(-1_000_000, 1_000_000)
        .zip(Generate.range(0, 6), (Long n, Integer shift) -> BigDecimal.valueOf(n, shift).toPlainString());
    return words.mix(numbers).mix(decimals);
  }

  private static YamlDocument only(String text) {
    List<YamlDocument> docs = YamlDocument.readAll("f.yaml", text);
    assertThat(docs).hasSize(1);
    return docs.get(0);
  }
}
