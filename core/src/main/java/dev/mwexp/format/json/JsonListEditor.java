package dev.mwexp.format.json;

import com.fasterxml.jackson.core.JsonLocation;
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

  private JsonListEditor() {}

  /**
   * The list's items, in order (an item that is not a string as its JSON text, or {@code {…}} /
   * {@code […]} when nested); a conflict when the file is not JSON or has no such list. As for
   * any JSON reader here, a key given twice counts with its last value.
   */
  public static List<String> items(String text, String key) throws MergeConflict {
    return parse(text, key).items();
  }

  public static String apply(String text, JsonListItems merge) throws MergeConflict {
    ListSource list = parse(text, merge.key());
    List<String> items = list.items();
    List<String> raw = list.raw();
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
    String closeIndent = Lines.indent(text, list.close());
    String itemIndent = raw.isEmpty() ? closeIndent + "  " : Lines.indent(text, list.firstItem());
    if (Lines.start(text, list.close()) == Lines.start(text, list.open())) {
      closeIndent = Lines.indent(text, list.open());
      itemIndent = closeIndent + "  ";
    }
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < keep.size(); i++) {
      body.append(i == 0 ? "\n" : ",\n").append(itemIndent).append(keep.get(i));
    }
    body.append(keep.isEmpty() ? "" : "\n" + closeIndent).append("]");
    return text.substring(0, list.open()) + body + text.substring(list.close() + 1);
  }

  /**
   * The list under the top-level key as the parser saw it: each item's value and source text,
   * the offsets of its brackets and of its first item ({@code close} when empty).
   */
  private record ListSource(List<String> items, List<String> raw, int open, int close, int firstItem) {}

  /** One streaming pass: what the list holds and where its text is, for the key's last occurrence. */
  private static ListSource parse(String text, String key) throws MergeConflict {
    ListSource found = null;
    try (JsonParser p = Json.FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new MergeConflict(0, "has no list \"" + key + "\" at its top; mwexp keeps its backends there");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean wanted = key.equals(p.currentName());
        JsonToken value = p.nextToken();
        if (!wanted || value != JsonToken.START_ARRAY) {
          found = wanted ? null : found;
          p.skipChildren();
          continue;
        }
        int open = offset(p.currentTokenLocation());
        List<String> items = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        int firstItem = -1;
        for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
          int from = offset(p.currentTokenLocation());
          firstItem = firstItem < 0 ? from : firstItem;
          if (item == JsonToken.START_OBJECT || item == JsonToken.START_ARRAY) {
            items.add(item == JsonToken.START_OBJECT ? "{…}" : "[…]");
            p.skipChildren();
          } else {
            items.add(p.getText());
          }
          // The parser has now read the whole item: its location is the item's end.
          raw.add(text.substring(from, offset(p.currentLocation())));
        }
        int close = offset(p.currentTokenLocation());
        found = new ListSource(items, raw, open, close, firstItem < 0 ? close : firstItem);
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

  private static int offset(JsonLocation location) {
    return (int) location.getCharOffset();
  }

  private static String quote(String s) {
    java.io.StringWriter out = new java.io.StringWriter();
    try (com.fasterxml.jackson.core.JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.writeString(s);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }
}
