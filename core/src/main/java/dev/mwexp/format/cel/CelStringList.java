package dev.mwexp.format.cel;

import dev.mwexp.fragment.MergeConflict;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The list literal of strings after {@code <subject> in [} in a text (a policy file whose CEL
 * expression tests {@code volume.hostPath.path in [...]}, whatever the comprehension's variable is
 * called), with where its elements stand, so that they can be replaced in place: the brackets, the
 * line breaks around them and everything else stay as written.
 *
 * @param values the strings, unescaped
 * @param from where the first element starts (just after {@code [} and its spaces when empty)
 * @param to where the last element ends
 */
public record CelStringList(List<String> values, int from, int to) {

  /**
   * The list after the first {@code <variable>.<field> in [} in {@code text}, any variable name and
   * spacing; {@code field} is a dotted path such as {@code hostPath.path}.
   */
  public static CelStringList find(String text, String field) throws MergeConflict {
    String subject = "<variable>." + field;
    Matcher m = Pattern.compile("\\b[A-Za-z_][A-Za-z0-9_]*\\." + Pattern.quote(field) + "\\s+in\\s*\\[").matcher(text);
    if (!m.find()) {
      throw new MergeConflict(0, "no '" + subject + " in [...]' list; the policy mwexp edits tests membership in one");
    }
    int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
    int i = m.end();
    List<String> values = new ArrayList<>();
    int from = -1;
    int to = i;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ']') {
        return new CelStringList(values, from < 0 ? i : from, from < 0 ? i : to);
      }
      if (c == '"' || c == '\'') {
        int start = i;
        StringBuilder v = new StringBuilder();
        i++;
        while (i < text.length() && text.charAt(i) != c) {
          if (text.charAt(i) == '\\' && i + 1 < text.length()) {
            i++;
          }
          v.append(text.charAt(i++));
        }
        if (i >= text.length()) {
          throw new MergeConflict(line, "a string in the " + subject + " list is never closed");
        }
        i++;
        values.add(v.toString());
        from = from < 0 ? start : from;
        to = i;
      } else if (c == ',' || Character.isWhitespace(c)) {
        i++;
      } else {
        throw new MergeConflict(line, "the " + subject + " list holds something other than strings: '" + c + "'");
      }
    }
    throw new MergeConflict(line, "the " + subject + " list is never closed with ]");
  }

  /** {@code text} with the list's elements replaced by {@code wanted}, written {@code "a", "b"}. */
  public String replace(String text, List<String> wanted) {
    StringBuilder out = new StringBuilder();
    for (String v : wanted) {
      out.append(out.length() == 0 ? "" : ", ").append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return text.substring(0, from) + out + text.substring(to);
  }
}
