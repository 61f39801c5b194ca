package dev.mwexp.format.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.mwexp.format.Lines;
import dev.mwexp.fragment.MergeConflict;
import dev.mwexp.fragment.Globs;
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
    // The final list as indexes into the original items, and -1 - k for the k-th new item.
    List<Integer> keep = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    int lastOwned = -1;
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i);
      boolean owned = Globs.matchesAny(merge.ownedGlobs(), item) || merge.items().contains(item);
      if (owned && (!merge.items().contains(item) || !seen.add(item))) {
        continue;
      }
      if (owned) {
        lastOwned = keep.size();
      }
      keep.add(i);
    }
    List<String> added = new ArrayList<>();
    int insertAt = lastOwned < 0 ? keep.size() : lastOwned + 1;
    for (String want : merge.items()) {
      if (!items.contains(want)) {
        keep.add(insertAt++, -1 - added.size());
        added.add(quote(want));
      }
    }
    List<Integer> unchanged = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      unchanged.add(i);
    }
    if (keep.equals(unchanged)) {
      return text;
    }
    return text.substring(0, list.open() + 1) + body(text, list, keep, added) + text.substring(list.close());
  }

  /**
   * The text between the brackets: the original text around and between items wherever two
   * items stay neighbours, and a separator learned from the list (its line ending and indent, or
   * ", " in a one-line list) wherever the neighbours are new.
   */
  private static String body(String text, ListSource list, List<Integer> keep, List<String> added) {
    List<int[]> spans = list.spans();
    String nl = text.contains("\r\n") ? "\r\n" : "\n";
    String leading;
    String trailing;
    String separator;
    if (spans.isEmpty()) {
      String indent = Lines.indent(text, list.open());
      leading = nl + indent + "  ";
      trailing = nl + indent;
      separator = "," + nl + indent + "  ";
    } else {
      leading = text.substring(list.open() + 1, spans.get(0)[0]);
      trailing = text.substring(spans.get(spans.size() - 1)[1], list.close());
      separator = spans.size() > 1 ? text.substring(spans.get(0)[1], spans.get(1)[0])
          : "," + (leading.contains("\n") ? leading.substring(leading.lastIndexOf('\n') - (leading.contains("\r\n") ? 1 : 0))
              : " ");
    }
    if (keep.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(leading);
    for (int k = 0; k < keep.size(); k++) {
      int index = keep.get(k);
      if (k > 0) {
        int previous = keep.get(k - 1);
        boolean neighbours = previous >= 0 && index == previous + 1;
        out.append(neighbours ? text.substring(spans.get(previous)[1], spans.get(index)[0])
            : index > 0 ? text.substring(spans.get(index - 1)[1], spans.get(index)[0]) : separator);
      }
      out.append(index >= 0 ? text.substring(spans.get(index)[0], spans.get(index)[1]) : added.get(-1 - index));
    }
    return out.append(trailing).toString();
  }

  /**
   * The list under the top-level key as the parser saw it: each item's value and source text,
   * the offsets of its brackets and of its first item ({@code close} when empty).
   */
  private record ListSource(List<String> items, List<int[]> spans, int open, int close) {}

  /** One streaming pass: what the list holds and where its text is, for the key's last occurrence. */
  private static ListSource parse(String text, String key) throws MergeConflict {
    ListSource found = null;
    // A byte-order mark is kept as it is: read as a blank of the same length, so offsets hold.
    String json = text.startsWith("\uFEFF") ? " " + text.substring(1) : text;
    try (JsonParser p = Json.FACTORY.createParser(json)) {
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
        List<int[]> spans = new ArrayList<>();
        for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
          int from = offset(p.currentTokenLocation());
          if (item == JsonToken.START_OBJECT || item == JsonToken.START_ARRAY) {
            items.add(item == JsonToken.START_OBJECT ? "{…}" : "[…]");
            p.skipChildren();
          } else {
            items.add(p.getText());
          }
          // The parser has now read the whole item: its location is the item's end.
          spans.add(new int[] {from, offset(p.currentLocation())});
        }
        int close = offset(p.currentTokenLocation());
        found = new ListSource(items, spans, open, close);
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
