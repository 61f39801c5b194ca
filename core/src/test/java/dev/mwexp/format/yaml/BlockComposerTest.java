package dev.mwexp.format.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * BlockComposer against SnakeYAML itself, the reference it must equal: whatever text it composes,
 * SnakeYAML composes too, into nodes of the same kinds, tags, styles, values and marks. Texts it
 * declines are SnakeYAML's alone, so a decline is never wrong, only slower; the tests also show it
 * reads what mwexp writes and keeps, so the fast path is the one taken.
 */
class BlockComposerTest {

  private static final Resolver RESOLVER = new Resolver();

  @Test
  void everyYamlFileOfTheRepositoryComposesAsSnakeYamlDoes() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("fixtures", "examples", "core/src/test/resources", "tests/src/test/resources")) {
      if (Files.isDirectory(root.resolve(dir))) {
        try (Stream<Path> walk = Files.walk(root.resolve(dir))) {
          walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).forEach(files::add);
        }
      }
    }
    assertThat(files).hasSizeGreaterThan(50);
    int composed = 0;
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (java.nio.charset.CharacterCodingException e) {
        continue;   // the bad-encoding specs: refused before any YAML is read
      }
      if (same(text, file.toString())) {
        composed++;
      }
    }
    // Most of them are in the subset: hiera files, helmfile values, the example spec.
    assertThat(composed).as("files read by BlockComposer of %d", files.size()).isGreaterThan(files.size() / 2);
  }

  @Test
  void theExampleSpecAndWhatYamlTextWritesAreReadByTheFastPath() throws IOException {
    String example = Files.readString(Path.of("../examples/mw-experimental.yaml"));
    assertThat(same(example, "example")).isTrue();
    // YamlText writes specs (SpecWriter) and hiera files: plain, quoted and empty values, lists.
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("service", new LinkedHashMap<>(Map.of("name", "mw-experimental", "port", 4456)));
    document.put("quoted", List.of("on", "0775", "10:30", "~", "a: b", "", "it's"));
    document.put("empty", List.of());
    document.put("nested", List.of(Map.of("key", "value"), "x"));
    String written = YamlText.write(document);
    assertThat(same(written, "written")).as(written).isTrue();
  }

  @Test
  void marksAndStylesAreSnakeYamls() {
    for (String text : List.of(
        "a: 1\nb:\n  c: 'x'\n  d: \"y\"\ne:\n- 1\n-\n- k: v\n  l:\n  m: ~\n",
        "---\n# lead\nkey:   value   # trailing\n\n  # indented comment\nlist:\n  - a\n  - b\nend:",
        "- a\n- b: c\n  d: e\n-\n  - x\n- 'it''s'\n",
        "x: -1\ny: a#b\nz: 'q' # c\nw: yes\nv: 2001-01-01\nu: 0x1F\nt: .inf\ns: a b  c\n",
        "  a: 1\n  b: 2\n",
        "a: [1, 'two', \"3\"]   # c\nb: {cpu: 1000m, memory: 3500Mi}\nc: []\nd: {}\ne: {x: [a, {y: z}], w: v}\nf: k8s-{s}-{dc}\n",
        "- [a, b]\n- {a: 1}\n- \"tab\\there \\\"q\\\" \\\\ \\n\"\n")) {
      assertThat(same(text, text)).as(text).isTrue();
    }
  }

  @Test
  void declinesWhatItDoesNotRead() {
    for (String text : List.of(
        "a: [1,\n  2]\n", "a: {b: 1,\n c: 2}\n", "a: [1, ]\n", "a: {b}\n", "a: {b: }\n", "a: [a:b]\n", "a: {\"b\":1}\n", "[a]: b\n", "a: \"\\/\"\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: |\n  text\n", "a: >\n  text\n",
        "a: b\n  continued\n", "a: \"esc\\x41\"\n", "? a\n: b\n", "%YAML 1.1\n---\na: 1\n", "a: 1\n---\nb: 2\n",
        "a: 1\n...\n", "a:\tb\n", "a: 1\r\nb: 2\r\n", "a: \uD83D\uDE00\n", "a: b\u2028c\n", "a: b\u0085\n", "<<: {a: 1}\n", "a: 'two\n  lines'\n",
        "scalar\n", "", "# only a comment\n", "a: b: c\n", "- - a\n", "a :b\n", "a : b\n")) {
      assertThat(BlockComposer.compose(text, 48)).as(text).isNull();
    }
  }

  @Test
  void generatedBlockTextsComposeAsSnakeYamlDoesOrAreDeclined() {
    int[] read = new int[1];
    qt().withExamples(3000).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      StringBuilder out = new StringBuilder();
      if (r.nextInt(5) == 0) {
        out.append("---\n");
      }
      block(r, out, 0, 0, r.nextBoolean());
      String text = out.toString();
      if (r.nextInt(3) == 0) {
        text = mutate(r, text);
      }
      if (same(text, "seed " + seed)) {
        read[0]++;
      }
    });
    // The generator writes mostly the subset, so the comparison is mostly of composed nodes.
    assertThat(read[0]).isGreaterThan(500);
  }

  // ---- the generator ----

  private static final String[] WORDS = {
    "a", "key", "profile::kubernetes::node", "mw-experimental", "true", "no", "~", "null", "1", "-1", "0o17", "1.5",
    "2026-12-04", "a b", "a  b", "a#b", "a:b", "http://x/y", "'q'", "'it''s'", "\"dq\"", "\"a: b\"", "''", "\"\"",
    "-", "- x", "x #c", "x:", "#", "?", ":", "@a", "`a`", "%a", "!a", "&a", "*a", "[a]", "{a}", "a,b", "[]", "{}", "[a, 'b']", "{a: 1, b: [x, y]}", "[a: b]", "[a,]", "[a #c]", "{a: {b: c}}", "<<", "=",
    "é", "naïve text", ".inf", "0x1F", "+1", "1_000", "Yes", "OFF", "a\\b", "\"a\\\"b\"", "'a' b", "..."};

  private static String word(Random r) {
    return WORDS[r.nextInt(WORDS.length)];
  }

  private static void block(Random r, StringBuilder out, int indent, int depth, boolean sequence) {
    int entries = 1 + r.nextInt(4);
    for (int i = 0; i < entries; i++) {
      filler(r, out);
      out.append(" ".repeat(indent)).append(sequence ? "- " : word(r) + ":");
      int kind = depth > 4 ? 0 : r.nextInt(6);
      if (kind <= 2) {
        out.append(sequence ? "" : " ").append(word(r));
        if (r.nextInt(6) == 0) {
          out.append(r.nextBoolean() ? "   " : "  # note");
        }
        out.append('\n');
      } else if (kind == 3) {
        out.append('\n');   // empty
      } else if (sequence && r.nextBoolean()) {
        // A mapping on the item's line.
        out.append(word(r)).append(": ").append(word(r)).append('\n');
        out.append(" ".repeat(indent + 2)).append(word(r)).append(": ").append(word(r)).append('\n');
      } else {
        out.append('\n');
        boolean nested = r.nextBoolean();
        int deeper = !sequence && nested && r.nextBoolean() ? indent : indent + 1 + r.nextInt(3);
        block(r, out, deeper, depth + 1, nested);
      }
    }
  }

  private static void filler(Random r, StringBuilder out) {
    switch (r.nextInt(8)) {
      case 0 -> out.append('\n');
      case 1 -> out.append(" ".repeat(r.nextInt(5))).append("# comment: - x\n");
      case 2 -> out.append("   \n");
      default -> { }
    }
  }

  private static String mutate(Random r, String text) {
    StringBuilder s = new StringBuilder(text);
    int edits = 1 + r.nextInt(3);
    for (int i = 0; i < edits && s.length() > 0; i++) {
      int at = r.nextInt(s.length());
      switch (r.nextInt(3)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, " :-#'\"\n".charAt(r.nextInt(7)));
        default -> s.setCharAt(at, ' ');
      }
    }
    return s.toString();
  }

  // ---- the comparison ----

  /** True when BlockComposer read the text (and matched SnakeYAML); false when it declined. */
  static boolean same(String text, String what) {
    Node fast = BlockComposer.compose(text, 48);
    if (fast == null) {
      return false;
    }
    Node reference;
    try {
      reference = new Composer(new ParserImpl(new StreamReader(text), new LoaderOptions()), RESOLVER, new LoaderOptions())
          .getSingleNode();
    } catch (RuntimeException e) {
      fail("%s: BlockComposer read what SnakeYAML refuses (%s):%n%s", what, e.getMessage(), text);
      return false;
    }
    compare(fast, reference, "", what, text);
    return true;
  }

  private static void compare(Node a, Node b, String path, String what, String text) {
    String where = what + " at " + (path.isEmpty() ? "the root" : path) + " of:\n" + text;
    assertThat(a.getClass()).as(where).isEqualTo(b.getClass());
    assertThat(a.getTag()).as(where).isEqualTo(b.getTag());
    assertThat(marks(a.getStartMark())).as("start mark, " + where).isEqualTo(marks(b.getStartMark()));
    assertThat(marks(a.getEndMark())).as("end mark, " + where).isEqualTo(marks(b.getEndMark()));
    if (a instanceof ScalarNode s) {
      ScalarNode t = (ScalarNode) b;
      assertThat(s.getValue()).as(where).isEqualTo(t.getValue());
      assertThat(s.getScalarStyle()).as(where).isEqualTo(t.getScalarStyle());
      return;
    }
    assertThat(((CollectionNode<?>) a).getFlowStyle()).as(where).isEqualTo(((CollectionNode<?>) b).getFlowStyle());
    if (a instanceof SequenceNode s) {
      List<Node> x = s.getValue();
      List<Node> y = ((SequenceNode) b).getValue();
      assertThat(x).as(where).hasSameSizeAs(y);
      for (int i = 0; i < x.size(); i++) {
        compare(x.get(i), y.get(i), path + "[" + i + "]", what, text);
      }
      return;
    }
    MappingNode m = (MappingNode) a;
    assertThat(m.isMerged()).as(where).isEqualTo(((MappingNode) b).isMerged());
    List<NodeTuple> x = m.getValue();
    List<NodeTuple> y = ((MappingNode) b).getValue();
    assertThat(x).as(where).hasSameSizeAs(y);
    for (int i = 0; i < x.size(); i++) {
      compare(x.get(i).getKeyNode(), y.get(i).getKeyNode(), path + ".key" + i, what, text);
      compare(x.get(i).getValueNode(), y.get(i).getValueNode(), path + "." + i, what, text);
    }
  }

  private static String marks(Mark m) {
    return m.getIndex() + "@" + m.getLine() + ":" + m.getColumn();
  }
}
