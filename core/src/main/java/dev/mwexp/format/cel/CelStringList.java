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
   * spacing; {@code field} is a dotted path such as {@code hostPath.path}. Where the expression
   * tests membership in one of the policy's variables instead ({@code in variables.allowed}, as
   * deployment-charts' policies keep their allow-lists), the list literal that variable is.
   */
  public static CelStringList find(String text, String field) throws MergeConflict {
    String subject = "<variable>." + field;
    String head = "\\b[A-Za-z_][A-Za-z0-9_]*\\." + Pattern.quote(field) + "\\s+in\\s*";
    Matcher m = Pattern.compile(head + "\\[").matcher(text);
    if (m.find()) {
      return scan(text, m.end(), lineOf(text, m.start()), subject);
    }
    Matcher v = Pattern.compile(head + "variables\\.([A-Za-z_][A-Za-z0-9_]*)").matcher(text);
    if (v.find()) {
      String name = v.group(1);
      int open = PolicyVariables.listStart(text, name);
      if (open < 0) {
        throw new MergeConflict(lineOf(text, v.start()), "the " + subject + " list is variables." + name
            + ", which is not a list literal the policy declares in spec.variables");
      }
      return scan(text, open + 1, lineOf(text, open), subject + " (variables." + name + ")");
    }
    throw new MergeConflict(0, "no '" + subject + " in [...]' list; the policy mwexp edits tests membership in one");
  }

  private static int lineOf(String text, int at) {
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  /** The list whose elements start at {@code i}, just after its {@code [}. */
  private static CelStringList scan(String text, int i, int line, String subject) throws MergeConflict {
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
