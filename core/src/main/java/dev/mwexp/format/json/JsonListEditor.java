package dev.mwexp.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.mwexp.format.Lines;
import dev.mwexp.format.MergeConflict;
import dev.mwexp.fragment.Globs;
import dev.mwexp.fragment.Merge.JsonListItems;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps mw-experimental's strings in a JSON list under a top-level key ({@code debug.json}'s
 * {@code backends}): wanted items added after the last owned one, owned items no longer wanted
 * removed, every other item kept as written. The file is rewritten only inside that list, and not
 * at all when nothing changes.
 */
public final class JsonListEditor {

  /** Streaming only: databind's object mapper costs a CLI run a tenth of a second to start. */
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private JsonListEditor() {}

  /**
   * The list's items, in order (an item that is not a string as its JSON text, or {@code {…}} /
   * {@code […]} when nested); a conflict when the file is not JSON or has no such list. As for
   * any JSON reader here, a key given twice counts with its last value.
   */
  public static List<String> items(String text, String key) throws MergeConflict {
    List<String> found = null;
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new MergeConflict(0, "has no list \"" + key + "\" at its top; mwexp keeps its backends there");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean wanted = key.equals(p.currentName());
        JsonToken value = p.nextToken();
        if (!wanted) {
          p.skipChildren();
          continue;
        }
        if (value != JsonToken.START_ARRAY) {
          found = null;
          p.skipChildren();
          continue;
        }
        found = new ArrayList<>();
        for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
          if (item == JsonToken.START_OBJECT || item == JsonToken.START_ARRAY) {
            found.add(item == JsonToken.START_OBJECT ? "{…}" : "[…]");
            p.skipChildren();
          } else {
            found.add(p.getText());
          }
        }
      }
      if (p.nextToken() != null) {
        throw new MergeConflict(p.currentLocation().getLineNr(), "is not JSON: text after the top-level object");
      }
    } catch (JsonProcessingException e) {
      throw new MergeConflict(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new MergeConflict(0, "is not JSON: " + e.getMessage());
    }
    if (found == null) {
      throw new MergeConflict(0, "has no list \"" + key + "\" at its top; mwexp keeps its backends there");
    }
    return found;
  }

  public static String apply(String text, JsonListItems merge) throws MergeConflict {
    List<String> items = items(text, merge.key());
    int[] list = listSpan(text, merge.key());
    List<String> raw = rawItems(text, list[0] + 1, list[1]);
    List<String> keep = new ArrayList<>();
    int lastOwned = -1;
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i);
      boolean owned = Globs.matchesAny(merge.ownedGlobs(), item) || merge.items().contains(item);
      if (owned && !merge.items().contains(item)) {
        continue;
      }
      if (owned) {
        if (keep.stream().anyMatch(raw.get(i)::equals)) {
          continue;
        }
        lastOwned = keep.size();
      }
      keep.add(raw.get(i));
    }
    int insertAt = lastOwned < 0 ? keep.size() : lastOwned + 1;
    for (String want : merge.items()) {
      if (!items.contains(want)) {
        keep.add(insertAt++, quote(want));
      }
    }
    if (keep.equals(raw)) {
      return text;
    }
    String closeIndent = Lines.indent(text, list[1]);
    String itemIndent = raw.isEmpty() ? closeIndent + "  " : Lines.indent(text, firstItemStart(text, list[0] + 1));
    if (Lines.start(text, list[1]) == Lines.start(text, list[0])) {
      closeIndent = Lines.indent(text, list[0]);
      itemIndent = closeIndent + "  ";
    }
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < keep.size(); i++) {
      body.append(i == 0 ? "\n" : ",\n").append(itemIndent).append(keep.get(i));
    }
    body.append(keep.isEmpty() ? "" : "\n" + closeIndent).append("]");
    return text.substring(0, list[0]) + body + text.substring(list[1] + 1);
  }

  private static String quote(String s) {
    java.io.StringWriter out = new java.io.StringWriter();
    try (com.fasterxml.jackson.core.JsonGenerator g = JSON.createGenerator(out)) {
      g.writeString(s);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Offsets of {@code [} and {@code ]} of the list under the top-level key. */
  private static int[] listSpan(String text, String key) throws MergeConflict {
    int depth = 0;
    String lastString = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        int end = stringEnd(text, i);
        lastString = text.substring(i, end);
        i = end - 1;
        continue;
      }
      if (c == '{' || c == '[') {
        if (c == '[' && depth == 1 && lastString != null && lastString.equals(quote(key))) {
          return new int[] {i, matching(text, i)};
        }
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      } else if (c == ',') {
        lastString = null;
      }
    }
    throw new MergeConflict(0, "has no list \"" + key + "\"");
  }

  private static int stringEnd(String text, int quote) {
    for (int j = quote + 1; j < text.length(); j++) {
      if (text.charAt(j) == '\\') {
        j++;
      } else if (text.charAt(j) == '"') {
        return j + 1;
      }
    }
    return text.length();
  }

  private static int matching(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        i = stringEnd(text, i) - 1;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        if (--depth == 0) {
          return i;
        }
      }
    }
    return text.length() - 1;
  }

  /** The items' source text between the brackets, trimmed. */
  private static List<String> rawItems(String text, int from, int to) {
    List<String> out = new ArrayList<>();
    int start = from;
    int depth = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        i = stringEnd(text, i) - 1;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(text.substring(start, i).strip());
        start = i + 1;
      }
    }
    String last = text.substring(start, to).strip();
    if (!last.isEmpty()) {
      out.add(last);
    }
    return out;
  }

  private static int firstItemStart(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
