package dev.mwexp.format.yaml;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The writer YamlText used before TreeEmitter: Jackson's YAML generator over SnakeYAML's emitter,
 * with the same features and quoting checker. TreeEmitter must write the same bytes.
 */
public final class JacksonYamlOracle {

  private static final YAMLFactory LITERAL = factory(true);
  private static final YAMLFactory QUOTING = factory(false);

  private JacksonYamlOracle() {}

  private static YAMLFactory factory(boolean literalBlocks) {
    return YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .disable(YAMLGenerator.Feature.SPLIT_LINES)
        .configure(YAMLGenerator.Feature.MINIMIZE_QUOTES, literalBlocks)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
        .configure(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE, literalBlocks)
        .stringQuotingChecker(YamlText.Yaml11Safe.INSTANCE)
        .build();
  }

  /** As YamlText.write: literal blocks unless the document has a string they cannot carry. */
  public static String write(Object document) {
    return write(document, literalBlockSafe(document));
  }

  static String write(Object document, boolean literalBlocks) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = (literalBlocks ? LITERAL : QUOTING).createGenerator(out)) {
      writeNode(generator, document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** As YamlText decided before writing: a walk over the whole document first. */
  private static boolean literalBlockSafe(Object node) {
    if (node instanceof String s) {
      return TreeEmitter.literalBlockSafe(s);
    }
    if (node instanceof java.util.Map<?, ?> map) {
      for (var e : map.entrySet()) {
        if (!literalBlockSafe(e.getKey()) || !literalBlockSafe(e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (node instanceof Iterable<?> items) {
      for (Object item : items) {
        if (!literalBlockSafe(item)) {
          return false;
        }
      }
    }
    return true;
  }

  private static void writeNode(JsonGenerator g, Object node) throws IOException {
    if (node instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        writeNode(g, e.getValue());
      }
      g.writeEndObject();
    } else if (node instanceof Iterable<?> items) {
      g.writeStartArray();
      for (Object item : items) {
        writeNode(g, item);
      }
      g.writeEndArray();
    } else if (node instanceof String s) {
      g.writeString(s);
    } else if (node instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (node instanceof Integer || node instanceof Long) {
      g.writeNumber(((Number) node).longValue());
    } else if (node instanceof java.math.BigDecimal d) {
      g.writeNumber(d);
    } else if (node == null) {
      g.writeNull();
    } else {
      throw new IllegalArgumentException("not a YAML tree node: " + node.getClass().getName());
    }
  }
}
