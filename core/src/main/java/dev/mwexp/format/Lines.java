package dev.mwexp.format;

/** Line arithmetic over source text, shared by the editors: they splice whole lines where they can. */
public final class Lines {

  private Lines() {}

  /** The offset where the line holding {@code offset} starts. */
  public static int start(String text, int offset) {
    int nl = text.lastIndexOf('\n', offset - 1);
    return nl + 1;
  }

  /** The offset just past the newline ending the line holding {@code offset} (or the text's end). */
  public static int end(String text, int offset) {
    int nl = text.indexOf('\n', offset);
    return nl < 0 ? text.length() : nl + 1;
  }

  /** The 1-based line number of {@code offset}. */
  public static int number(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The 1-based line and column of {@code offset}. */
  public static int[] lineAndColumn(String text, int offset) {
    return new int[] {number(text, offset), offset - start(text, offset) + 1};
  }

  /** The leading blanks of the line holding {@code offset}. */
  public static String indent(String text, int offset) {
    int s = start(text, offset);
    int e = s;
    while (e < text.length() && (text.charAt(e) == ' ' || text.charAt(e) == '\t')) {
      e++;
    }
    return text.substring(s, e);
  }

  /** Whether only blanks stand between {@code from} and {@code to}. */
  public static boolean blank(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
        return false;
      }
    }
    return true;
  }

  /** {@code n} spaces, at least one. */
  public static String pad(int n) {
    return " ".repeat(Math.max(1, n));
  }
}
