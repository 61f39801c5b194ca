package dev.mwexp.files;

/**
 * User-supplied strings made safe to print inside a one-line message: control characters
 * (newline, CR, ESC, …), bidirectional overrides and other invisible format characters become
 * visible escapes, so one problem is always exactly one line and no escape sequence reaches the
 * terminal.
 */
public final class Inert {

  private Inert() {}

  /** {@code s} with every control or format character written as {@code \n}, {@code \x1b} or {@code \u202e}. */
  public static String text(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int width = Character.charCount(cp);
      String escape = escape(cp);
      if (escape != null && out == null) {
        out = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (out != null) {
        if (escape != null) {
          out.append(escape);
        } else {
          out.appendCodePoint(cp);
        }
      }
      i += width;
    }
    return out == null ? s : out.toString();
  }

  private static String escape(int cp) {
    switch (cp) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      case '\\':
        return null;
      default:
        break;
    }
    if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
      return String.format("\\x%02x", cp);
    }
    int type = Character.getType(cp);
    // Bidi overrides and isolates, zero-width characters, line/paragraph separators, lone surrogates.
    if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
      return cp > 0xffff ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp);
    }
    return null;
  }
}
