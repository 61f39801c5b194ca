package dev.mwexp.format.cel;

import dev.mwexp.fragment.MergeConflict;
import java.util.ArrayList;
import java.util.List;

/**
 * The list literal of strings after {@code <subject> in [} in a text (a policy file whose CEL
 * expression tests {@code volume.hostPath.path in [...]}), with where its elements stand, so that
 * they can be replaced in place: the brackets, the line breaks around them and everything else
 * stay as written.
 *
 * @param values the strings, unescaped
 * @param from where the first element starts (just after {@code [} and its spaces when empty)
 * @param to where the last element ends
 */
public record CelStringList(List<String> values, int from, int to) {

  /** The list after the first {@code subject in [} in {@code text}. */
  public static CelStringList find(String text, String subject) throws MergeConflict {
    int at = text.indexOf(subject + " in [");
    if (at < 0) {
      throw new MergeConflict(0, "no '" + subject + " in [...]' list; the policy mwexp edits tests membership in one");
    }
    int i = at + subject.length() + " in [".length();
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
          throw new MergeConflict(0, "a string in the " + subject + " list is never closed");
        }
        i++;
        values.add(v.toString());
        from = from < 0 ? start : from;
        to = i;
      } else if (c == ',' || Character.isWhitespace(c)) {
        i++;
      } else {
        throw new MergeConflict(0, "the " + subject + " list holds something other than strings: '" + c + "'");
      }
    }
    throw new MergeConflict(0, "the " + subject + " list is never closed with ]");
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
