package dev.mwexp.format.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mwexp.files.SafeTree;
import dev.mwexp.files.TreeException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One YAML document as a Jackson tree plus the line every value started on, so facts read from
 * it can say where they came from. Reads multi-document streams. It reads through the same
 * SnakeYAML composer and YAML 1.1 scalars as sync's {@code YamlEditor}, so check and sync never
 * disagree on what a file holds ({@code yes} is true, {@code 0x10} is 16, as Puppet and Helm read
 * them).
 */
public final class YamlDocument {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_ALIASES = 50;
  private static final int MAX_DEPTH = 64;

  private final String file;
  private final JsonNode root;
  private final Map<String, Integer> lines;

  private YamlDocument(String file, JsonNode root, Map<String, Integer> lines) {
    this.file = file;
    this.root = root;
    this.lines = lines;
  }

  public JsonNode root() {
    return root;
  }

  public String file() {
    return file;
  }

  /** The line where the value at a JSON pointer ({@code /spec/replicas}) starts; the nearest parent's else. */
  public int line(String pointer) {
    String p = pointer;
    while (true) {
      Integer line = lines.get(p);
      if (line != null || p.isEmpty()) {
        return line == null ? 1 : line;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /**
   * Every document of a file of {@code tree}, named relative to it; a read or parse failure is a
   * {@link TreeException} with the parser's line and column.
   */
  public static List<YamlDocument> read(SafeTree tree, Path file) throws TreeException {
    // Parsed once per workspace: hiera's readers and the drift check share a file's documents.
    return tree.parse(file, PARSER);
  }

  /** The documents are read-only by their readers' contract: shared, never changed. */
  private static final SafeTree.Parser<List<YamlDocument>> PARSER = YamlDocument::parse;

  private static List<YamlDocument> parse(String name, String text) throws TreeException {
    try {
      return readAll(name, text);
    } catch (MarkedYAMLException e) {
      Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : String.valueOf(e.getMessage());
      throw new TreeException(name, at == null ? 0 : at.getLine() + 1, at == null ? 0 : at.getColumn() + 1,
          "is not valid YAML: " + problem.lines().findFirst().orElse(""));
    } catch (RuntimeException e) {
      throw new TreeException(name, "is not valid YAML: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }

  /**
   * Every document of a YAML stream; {@code file} names it in sources. Malformed YAML is
   * SnakeYAML's {@link MarkedYAMLException}, with its line and column.
   */
  public static List<YamlDocument> readAll(String file, String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    YamlNodes.Documents composer = YamlNodes.composer(text, options);
    List<YamlDocument> documents = new ArrayList<>();
    while (composer.checkNode()) {
      Map<String, Integer> lines = new HashMap<>();
      JsonNode root = value(composer.getNode(), "", lines, 0);
      if (!root.isNull()) {
        documents.add(new YamlDocument(file, root, lines));
      }
    }
    return documents;
  }

  private static JsonNode value(Node node, String pointer, Map<String, Integer> lines, int depth) {
    if (depth > MAX_DEPTH) {
      // Aliases can nest a document into itself; the composer bounds how often, this how deep.
      throw new IllegalArgumentException("the YAML is nested more than " + MAX_DEPTH + " levels deep");
    }
    // A key's own line, when it has one, names the field better than where its value starts.
    lines.putIfAbsent(pointer, node.getStartMark().getLine() + 1);
    if (node instanceof MappingNode mapping) {
      ObjectNode object = NODES.objectNode();
      // A key written twice counts with its last value, as Psych and Helm read it.
      for (NodeTuple tuple : YamlValues.entries(mapping)) {
        ScalarNode key = (ScalarNode) tuple.getKeyNode();
        String child = pointer + "/" + escape(key.getValue());
        lines.put(child, key.getStartMark().getLine() + 1);
        object.set(key.getValue(), value(tuple.getValueNode(), child, lines, depth + 1));
      }
      return object;
    }
    if (node instanceof SequenceNode sequence) {
      ArrayNode array = NODES.arrayNode();
      for (Node item : sequence.getValue()) {
        array.add(value(item, pointer + "/" + array.size(), lines, depth + 1));
      }
      return array;
    }
    return scalar((ScalarNode) node);
  }

  private static JsonNode scalar(ScalarNode node) {
    Object v = YamlValues.scalar(node);
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof Integer || v instanceof Long) {
      return NODES.numberNode(((Number) v).longValue());
    }
    if (v instanceof BigInteger big) {
      return NODES.numberNode(big);
    }
    if (v instanceof Double d) {
      return Double.isFinite(d) ? NODES.numberNode(BigDecimal.valueOf(d)) : NODES.numberNode(d);
    }
    return NODES.textNode(String.valueOf(v));
  }

  /** RFC 6901 escaping, so keys such as {@code prometheus.io/scrape} stay one segment. */
  public static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
