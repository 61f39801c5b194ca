package dev.mwexp.format.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mwexp.format.Lines;
import dev.mwexp.fragment.MergeConflict;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each value of a JSON document stands in its text, by JSON pointer ({@code /3/version}),
 * so that an edit replaces exactly one value's characters and leaves every other byte — spacing,
 * key order, the final newline — as the file has it.
 */
public final class JsonSpans {

  /** A value's characters: {@code text.substring(start, end)}. */
  public record Span(int start, int end) {}

  private JsonSpans() {}

  /** Every value's span, objects and arrays included (a container after its members). */
  public static Map<String, Span> of(String text) throws MergeConflict {
    Map<String, Span> out = new LinkedHashMap<>();
    try (JsonParser parser = Json.FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new MergeConflict(0, "no JSON value");
      }
      value(parser, first, "", out);
      if (parser.nextToken() != null) {
        throw new MergeConflict(parser.currentLocation().getLineNr(), "text after the JSON value");
      }
      return out;
    } catch (IOException e) {
      if (e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null) {
        throw new MergeConflict(p.getLocation().getLineNr(), "not JSON: " + p.getOriginalMessage());
      }
      throw new MergeConflict(0, "not JSON: " + e.getMessage());
    }
  }

  /** The string at a pointer, unquoted; a conflict naming what is there otherwise. */
  public static String string(String text, Map<String, Span> spans, String pointer) throws MergeConflict {
    Span s = spans.get(pointer);
    if (s == null || text.charAt(s.start()) != '"') {
      throw new MergeConflict(s == null ? 0 : Lines.lineAndColumn(text, s.start())[0],
          "expected a string at " + pointer);
    }
    return text.substring(s.start() + 1, s.end() - 1);
  }

  /** A JSON string literal of a value without characters that need escaping. */
  public static String quote(String value) {
    if (!value.matches("[^\"\\\\\\p{Cntrl}]*")) {
      throw new IllegalArgumentException("a plain string without quotes, backslashes or controls: " + value);
    }
    return "\"" + value + "\"";
  }

  private static void value(JsonParser parser, JsonToken token, String pointer, Map<String, Span> out)
      throws IOException {
    int start = (int) parser.currentTokenLocation().getCharOffset();
    switch (token) {
      case START_OBJECT -> {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName().replace("~", "~0").replace("/", "~1");
          value(parser, parser.nextToken(), pointer + "/" + name, out);
        }
      }
      case START_ARRAY -> {
        int i = 0;
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          value(parser, next, pointer + "/" + i++, out);
        }
      }
      default -> parser.getText(); // reads the whole token, so the location below is past it
    }
    int end = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY
        ? (int) parser.currentTokenLocation().getCharOffset() + 1
        : (int) parser.currentLocation().getCharOffset();
    out.put(pointer, new Span(start, end));
  }
}
