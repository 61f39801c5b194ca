package dev.mwexp.format.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * A JSON document as a Jackson tree, read by the shared streaming parser ({@link Json}) rather
 * than databind's object mapper, whose start-up a cold {@code check} would otherwise pay.
 */
public final class JsonTree {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTree() {}

  /**
   * The document's tree; a key given twice keeps its last value.
   *
   * @throws IOException when the text is not one JSON value
   */
  public static JsonNode read(String text) throws IOException {
    try (JsonParser parser = Json.FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IOException("no JSON value");
      }
      JsonNode root = value(parser, first);
      if (parser.nextToken() != null) {
        throw new IOException("text after the JSON value, at line " + parser.currentLocation().getLineNr());
      }
      return root;
    }
  }

  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT: {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          object.set(name, value(parser, parser.nextToken()));
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          array.add(value(parser, next));
        }
        return array;
      }
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return NODES.numberNode(parser.getIntValue());
          case LONG:
            return NODES.numberNode(parser.getLongValue());
          default:
            return NODES.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IOException("unexpected JSON token " + token);
    }
  }
}
