package dev.mwexp.consistency.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.files.SafeTree;
import dev.mwexp.files.TreeException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One YAML document as a Jackson tree plus the line every value started on, so facts read from
 * it can say where they came from. Reads multi-document streams.
 */
public final class YamlDocument {

  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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

  /** Where the value at a JSON pointer ({@code /spec/replicas}) starts; the nearest parent's else. */
  public Source source(String pointer) {
    String p = pointer;
    while (true) {
      Integer line = lines.get(p);
      if (line != null || p.isEmpty()) {
        return Source.of(file, line == null ? 1 : line);
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /**
   * Every document of a file of {@code tree}, named relative to it; a read or parse failure is a
   * {@link TreeException} with the parser's line and column.
   */
  public static List<YamlDocument> read(SafeTree tree, Path file) throws TreeException {
    String name = tree.name(file);
    String text = tree.read(file);
    try {
      return readAll(name, text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      var at = e.getLocation();
      throw new TreeException(name, at == null ? 0 : Math.max(0, at.getLineNr()), at == null ? 0 : Math.max(0, at.getColumnNr()),
          "is not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException | RuntimeException e) {
      throw new TreeException(name, "is not valid YAML: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }

  /** Every document of a YAML stream; {@code file} names it in sources. */
  public static List<YamlDocument> readAll(String file, String text) throws IOException {
    List<YamlDocument> documents = new ArrayList<>();
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        Map<String, Integer> lines = new HashMap<>();
        JsonNode root = value(parser, token, "", lines);
        if (root != null && !root.isNull()) {
          documents.add(new YamlDocument(file, root, lines));
        }
      }
    }
    return documents;
  }

  private static JsonNode value(JsonParser parser, JsonToken token, String pointer, Map<String, Integer> lines)
      throws IOException {
    // A key's own line, when it has one, names the field better than where its value starts.
    lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          String child = pointer + "/" + escape(name);
          lines.put(child, parser.currentTokenLocation().getLineNr());
          object.set(name, value(parser, parser.nextToken(), child, lines));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          array.add(value(parser, next, pointer + "/" + array.size(), lines));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return NODES.numberNode(parser.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(parser.getDecimalValue());
      }
      case VALUE_TRUE -> {
        return NODES.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return NODES.booleanNode(false);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> throw new IOException("unexpected YAML token " + token);
    }
  }

  /** RFC 6901 escaping, so keys such as {@code prometheus.io/scrape} stay one segment. */
  public static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
