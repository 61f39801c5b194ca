package dev.mwexp.files;

/** Which relative paths mwexp writes: the one rule, for fragments and artifacts alike. */
public final class SafePaths {

  private static final boolean[] SEGMENT_START = new boolean[128];
  private static final boolean[] SEGMENT_CHAR = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      SEGMENT_START[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      SEGMENT_CHAR[c] = SEGMENT_START[c] || c == '.' || c == '@' || c == '+' || c == '-';
    }
  }

  private SafePaths() {}

  /**
   * True when {@code path} is relative, normalized and made of portable file-name segments: each
   * 1 to 255 of {@code [A-Za-z0-9_.@+-]}, not starting with {@code .}, {@code @}, {@code +} or
   * {@code -} (so never {@code .} or {@code ..}).
   */
  public static boolean isSafe(String path) {
    // A loop rather than a regular expression: a compile checks every path, 10,000s of them.
    if (path.isEmpty() || path.length() > 1024) {
      return false;
    }
    int segmentStart = 0;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '/') {
        if (i == segmentStart || i - segmentStart > 255) {
          return false;
        }
        segmentStart = i + 1;
      } else if (c >= 128 || !SEGMENT_CHAR[c] || (i == segmentStart && !SEGMENT_START[c])) {
        return false;
      }
    }
    return path.length() > segmentStart && path.length() - segmentStart <= 255;
  }

  /**
   * {@link #isSafe}, but a segment may also be a dot-file's name ({@code .fixtures}, as a chart's
   * CI cases live in), never {@code .}, {@code ..} or git's own {@code .git}.
   */
  public static boolean isSafeWithDotFiles(String path) {
    java.util.StringJoiner plain = new java.util.StringJoiner("/");
    for (String segment : path.split("/", -1)) {
      if (segment.startsWith(".") && (segment.length() < 2 || segment.charAt(1) == '.' || segment.equals(".git"))) {
        return false;
      }
      plain.add(segment.startsWith(".") ? "x" + segment.substring(1) : segment);
    }
    return isSafe(plain.toString());
  }
}
