package dev.mwexp.format;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.mwexp.files.Inert;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One file's unified diff in the git shape, three lines of context; an absent text means no file.
 * Lines quote the user's files, so each is made {@linkplain Inert inert} (tabs kept): a diff never
 * carries an escape sequence to a terminal or a build log, and a file without control characters
 * diffs exactly as git would.
 */
public final class UnifiedDiff {

  private UnifiedDiff() {}

  /** {@code diff --git a/P b/P}, {@code ---}/{@code +++} and hunks; empty when nothing differs. */
  public static String of(String path, Optional<String> before, Optional<String> after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before.orElse(""));
    List<String> b = lines(after.orElse(""));
    String from = before.isPresent() ? "a/" + path : "/dev/null";
    String to = after.isPresent() ? "b/" + path : "/dev/null";
    // The header names the file too: a name with ESC, CR or LF must not forge lines there either.
    String shown = Inert.text(path);
    StringBuilder out = new StringBuilder("diff --git a/" + shown + " b/" + shown + "\n");
    if (before.isEmpty()) {
      out.append("new file mode 100644\n");
    } else if (after.isEmpty()) {
      out.append("deleted file mode 100644\n");
    }
    for (String line : UnifiedDiffUtils.generateUnifiedDiff(from, to, a, DiffUtils.diff(a, b), 3)) {
      out.append(printable(line)).append('\n');
    }
    if (noNewlineAtEnd(before) || noNewlineAtEnd(after)) {
      out.append("\\ No newline at end of file\n");
    }
    return out.toString();
  }

  /** The line of the old file where a diff's first hunk starts ({@code @@ -N,…}); 0 when it has none. */
  public static int firstHunkLine(String diff) {
    for (String l : diff.split("\n")) {
      if (l.startsWith("@@ -")) {
        String start = l.substring(4).split("[ ,]")[0];
        return !start.isEmpty() && start.chars().allMatch(Character::isDigit) ? Integer.parseInt(start) : 0;
      }
    }
    return 0;
  }

  private static String printable(String line) {
    StringBuilder out = new StringBuilder(line.length());
    String[] cells = line.split("\t", -1);
    for (int i = 0; i < cells.length; i++) {
      out.append(i == 0 ? "" : "\t").append(Inert.text(cells[i]));
    }
    return out.toString();
  }

  private static boolean noNewlineAtEnd(Optional<String> text) {
    return text.isPresent() && !text.get().isEmpty() && !text.get().endsWith("\n");
  }

  private static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (text.endsWith("\n")) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }
}
