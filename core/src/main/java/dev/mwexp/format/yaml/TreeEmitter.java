package dev.mwexp.format.yaml;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Writes one YAML document from a tree, byte for byte as SnakeYAML's emitter does when Jackson's
 * YAML generator drives it with YamlText's settings (block style, indent 2, sequence indicators
 * indented by 2, no line splitting, Unicode allowed). It keeps the emitter's own state (indent
 * stack, column, whitespace and indentation flags) and its scalar analysis, so the choice of
 * plain, single-quoted, double-quoted or literal style is SnakeYAML's; but it walks the tree
 * directly instead of queueing and dispatching events, which was most of a compile's time.
 * The core tests hold the Jackson-driven writer as an oracle and compare the two on random trees.
 */
final class TreeEmitter {

  private static final int BEST_INDENT = 2;
  private static final int INDICATOR_INDENT = 2;
  private static final int MAX_SIMPLE_KEY_LENGTH = 128;
  private static final int NO_INDENT = -1;

  /** The words YAML 1.1 (SnakeYAML's resolver) or Jackson read as booleans or null. */
  private static final Set<String> YAML11_WORDS = Set.of(
      "y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
      "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL");

  /** The scalar styles a writer may ask for and the emitter may choose. */
  private enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }

  private final StringBuilder out = new StringBuilder(256);
  private final boolean minimizeQuotes;
  private final YamlText.Yaml11Safe quoting;

  private int indent = NO_INDENT;
  private int[] indents = new int[16];
  private int depth;
  private int column;
  private boolean whitespace = true;
  private boolean indention = true;
  private boolean mappingContext;
  private boolean simpleKeyContext;

  /**
   * @param minimizeQuotes strings plain where safe and multi-line strings as literal blocks
   *     (Jackson's MINIMIZE_QUOTES and LITERAL_BLOCK_STYLE); otherwise every string value is
   *     double-quoted
   */
  TreeEmitter(boolean minimizeQuotes, YamlText.Yaml11Safe quoting) {
    this.minimizeQuotes = minimizeQuotes;
    this.quoting = quoting;
  }

  /**
   * The document with literal blocks for multi-line strings, or, if one of its strings cannot be
   * carried by a literal block, with every string double-quoted.
   */
  static String write(Object document, YamlText.Yaml11Safe quoting) {
    try {
      return new TreeEmitter(true, quoting).document(document);
    } catch (NeedsQuoting e) {
      // Rare: found while writing rather than by a walk over every document beforehand.
      return new TreeEmitter(false, quoting).document(document);
    }
  }

  /** Thrown when a literal block cannot carry a string; carries no stack trace. */
  private static final class NeedsQuoting extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final NeedsQuoting INSTANCE = new NeedsQuoting();

    private NeedsQuoting() {
      super(null, null, false, false);
    }
  }

  private void requireLiteralBlockSafe(String s) {
    if (minimizeQuotes && !literalBlockSafe(s)) {
      throw NeedsQuoting.INSTANCE;
    }
  }

  /** True unless the string is multi-line and holds a character a literal block would not keep. */
  static boolean literalBlockSafe(String s) {
    if (s.indexOf('\n') < 0) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\n') || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029'
          || c == '\ufeff' || Character.isSurrogate(c)) {
        return false;
      }
    }
    // Trailing blanks on a line and a leading blank line are kept by neither every reader nor
    // every writer of literal blocks.
    return !s.contains(" \n") && !s.contains("\t\n") && !s.startsWith("\n") && !s.endsWith(" ");
  }

  String document(Object root) {
    if ("".equals(root)) {
      // An empty scalar cannot be an implicit document.
      writeIndicator("---", true, false, false);
    }
    node(root, false, false);
    writeIndent(); // the document end
    return out.toString();
  }

  // Nodes, as the emitter's expect* states handle them.

  private void node(Object node, boolean mapping, boolean simpleKey) {
    mappingContext = mapping;
    simpleKeyContext = simpleKey;
    if (node instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        emptyFlow("{", "}");
      } else {
        blockMapping(map);
      }
    } else if (node instanceof Iterable<?> items) {
      Iterator<?> it = items.iterator();
      if (!it.hasNext()) {
        emptyFlow("[", "]");
      } else {
        blockSequence(it);
      }
    } else if (node instanceof String s) {
      if (minimizeQuotes && isPlainWord(s)) {
        writePlainWord(s);
      } else {
        requireLiteralBlockSafe(s);
        scalar(s, valueStyle(s));
      }
    } else if (node instanceof Boolean || node instanceof Integer || node instanceof Long) {
      scalar(node.toString(), Style.PLAIN);
    } else if (node instanceof BigDecimal d) {
      scalar(d.toString(), Style.PLAIN);
    } else if (node == null) {
      scalar("null", Style.PLAIN);
    } else {
      throw new IllegalArgumentException("not a YAML tree node: " + node.getClass().getName());
    }
  }

  /** An empty collection, the only kind written in flow style: {@code []} or {@code {}}. */
  private void emptyFlow(String open, String close) {
    writeIndicator(open, true, true, false);
    writeIndicator(close, false, false, false);
  }

  private void blockSequence(Iterator<?> items) {
    increaseIndent(false, mappingContext && !indention);
    boolean first = true;
    while (items.hasNext()) {
      Object item = items.next();
      writeIndent();
      if (first) {
        writeWhitespace(INDICATOR_INDENT);
      }
      writeIndicator("-", true, false, true);
      if (first) {
        indent += INDICATOR_INDENT;
      }
      node(item, false, false);
      first = false;
    }
    indent = popIndent();
  }

  private void blockMapping(Map<?, ?> map) {
    increaseIndent(false, false);
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      writeIndent();
      if (isPlainWord(key)) {
        writePlainWord(key);
        writeIndicator(":", false, false, false);
        node(entry.getValue(), true, false);
        continue;
      }
      requireLiteralBlockSafe(key);
      Style keyStyle = quoting.needToQuoteName(key) ? Style.DOUBLE_QUOTED : Style.PLAIN;
      Analysis keyAnalysis = new Analysis(key);
      if (key.length() < MAX_SIMPLE_KEY_LENGTH && !keyAnalysis.empty && !keyAnalysis.multiline) {
        mappingContext = true;
        simpleKeyContext = true;
        scalar(key, keyStyle, keyAnalysis);
        writeIndicator(":", false, false, false);
      } else {
        writeIndicator("?", true, false, true);
        mappingContext = true;
        simpleKeyContext = false;
        scalar(key, keyStyle, keyAnalysis);
        writeIndent();
        writeIndicator(":", true, false, true);
      }
      node(entry.getValue(), true, false);
    }
    indent = popIndent();
  }

  /**
   * The common case, decided without the quoting checker or the analysis: a word such as
   * {@code apiVersion}, {@code kubernetes.io/hostname} or {@code profile::kubernetes::node} is
   * plain as a key and as a value. It starts with a letter, so it is no number, timestamp or
   * indicator; it has no blank, so no {@code ": "} or {@code " #"}; it ends other than in
   * {@code :}; and it is none of the YAML 1.1 booleans and nulls. Shorter than the 128 characters
   * of a simple key.
   */
  private static boolean isPlainWord(String s) {
    int n = s.length();
    if (n == 0 || n >= MAX_SIMPLE_KEY_LENGTH) {
      return false;
    }
    char first = s.charAt(0);
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
      return false;
    }
    if (n <= 5 && YAML11_WORDS.contains(s)) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '.' || c == '/' || c == '-' || (c == ':' && i < n - 1))) {
        return false;
      }
    }
    return true;
  }

  /** writePlain for a word: no breaks, so no indentation to track. */
  private void writePlainWord(String word) {
    if (!whitespace) {
      column++;
      out.append(' ');
    }
    whitespace = false;
    indention = false;
    column += word.length();
    out.append(word);
  }

  /** The style Jackson's generator asks for a string value. */
  private Style valueStyle(String s) {
    if (s.isEmpty()) {
      return Style.DOUBLE_QUOTED;
    }
    if (!minimizeQuotes) {
      return Style.DOUBLE_QUOTED;
    }
    if (s.indexOf('\n') >= 0) {
      return Style.LITERAL;
    }
    return quoting.needToQuoteValue(s) || isPlainNumber(s) ? Style.DOUBLE_QUOTED : Style.PLAIN;
  }

  /** Jackson's {@code [+-]?[0-9]*(\.[0-9]*)?}, which it quotes so numbers-as-strings stay strings. */
  private static boolean isPlainNumber(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
    }
    return i == n;
  }

  // Scalars: SnakeYAML's analysis, choice of style and writers (lines are never split).

  private void scalar(String text, Style requested) {
    scalar(text, requested, new Analysis(text));
  }

  private void scalar(String text, Style requested, Analysis analysis) {
    increaseIndent(true, false);
    switch (chooseStyle(requested, analysis)) {
      case PLAIN -> writePlain(text);
      case SINGLE_QUOTED -> writeSingleQuoted(text);
      case DOUBLE_QUOTED -> writeDoubleQuoted(text);
      case LITERAL -> writeLiteral(text);
    }
    indent = popIndent();
  }

  private Style chooseStyle(Style requested, Analysis a) {
    if (requested == Style.DOUBLE_QUOTED) {
      return Style.DOUBLE_QUOTED;
    }
    // SnakeYAML's choice, less its flow context: every scalar here is in block context, since
    // the only flow collections written are empty.
    if (requested == Style.PLAIN && !(simpleKeyContext && (a.empty || a.multiline)) && a.allowBlockPlain) {
      return Style.PLAIN;
    }
    if (requested == Style.LITERAL && !simpleKeyContext && a.allowBlock) {
      return Style.LITERAL;
    }
    if (requested == Style.PLAIN && a.allowSingleQuoted && !(simpleKeyContext && a.multiline)) {
      return Style.SINGLE_QUOTED;
    }
    return Style.DOUBLE_QUOTED;
  }

  private void writePlain(String text) {
    if (text.isEmpty()) {
      return;
    }
    if (!whitespace) {
      column++;
      out.append(' ');
    }
    whitespace = false;
    indention = false;
    boolean breaks = false;
    int start = 0;
    for (int end = 0; end <= text.length(); end++) {
      char ch = end < text.length() ? text.charAt(end) : 0;
      if (breaks) {
        if (!isLineBreak(ch)) {
          if (text.charAt(start) == '\n') {
            writeLineBreak(null);
          }
          writeBreaks(text, start, end);
          writeIndent();
          whitespace = false;
          indention = false;
          start = end;
        }
      } else if (ch == 0 || ch == ' ' || isLineBreak(ch)) {
        column += end - start;
        out.append(text, start, end);
        start = end;
      }
      if (ch != 0) {
        breaks = isLineBreak(ch);
      }
    }
  }

  private void writeSingleQuoted(String text) {
    writeIndicator("'", true, false, false);
    boolean spaces = false;
    boolean breaks = false;
    int start = 0;
    for (int end = 0; end <= text.length(); end++) {
      char ch = end < text.length() ? text.charAt(end) : 0;
      if (spaces) {
        if (ch != ' ') {
          column += end - start;
          out.append(text, start, end);
          start = end;
        }
      } else if (breaks) {
        if (ch == 0 || !isLineBreak(ch)) {
          if (text.charAt(start) == '\n') {
            writeLineBreak(null);
          }
          writeBreaks(text, start, end);
          writeIndent();
          start = end;
        }
      } else if (ch == 0 || ch == ' ' || ch == '\'' || isLineBreak(ch)) {
        if (start < end) {
          column += end - start;
          out.append(text, start, end);
          start = end;
        }
      }
      if (ch == '\'') {
        column += 2;
        out.append("''");
        start = end + 1;
      }
      if (ch != 0) {
        spaces = ch == ' ';
        breaks = isLineBreak(ch);
      }
    }
    writeIndicator("'", false, false, false);
  }

  private void writeDoubleQuoted(String text) {
    writeIndicator("\"", true, false, false);
    int start = 0;
    for (int end = 0; end <= text.length(); end++) {
      boolean atEnd = end == text.length();
      char ch = atEnd ? 0 : text.charAt(end);
      if (atEnd || ch == '"' || ch == '\\' || ch == '\u0085' || ch == '\u2028' || ch == '\u2029' || ch == '\ufeff'
          || ch < 0x20 || ch > 0x7e) {
        if (start < end) {
          column += end - start;
          out.append(text, start, end);
          start = end;
        }
        if (!atEnd) {
          String data = escape(ch);
          if (data == null) {
            int codePoint = Character.isHighSurrogate(ch) && end + 1 < text.length()
                ? Character.toCodePoint(ch, text.charAt(end + 1)) : ch;
            if (isPrintable(codePoint)) {
              data = new String(Character.toChars(codePoint));
              if (Character.charCount(codePoint) == 2) {
                end++;
              }
            } else if (ch <= 0xff) {
              data = String.format("\\x%02x", (int) ch);
            } else if (Character.charCount(codePoint) == 2) {
              end++;
              data = String.format("\\U%08x", codePoint);
            } else {
              data = String.format("\\u%04x", (int) ch);
            }
          }
          column += data.length();
          out.append(data);
          start = end + 1;
        }
      }
    }
    writeIndicator("\"", false, false, false);
  }

  private static String escape(char ch) {
    return switch (ch) {
      case '\0' -> "\\0";
      case '\u0007' -> "\\a";
      case '\u0008' -> "\\b";
      case '\t' -> "\\t";
      case '\n' -> "\\n";
      case '\u000b' -> "\\v";
      case '\u000c' -> "\\f";
      case '\r' -> "\\r";
      case '\u001b' -> "\\e";
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case '\u0085' -> "\\N";
      case '\u00a0' -> "\\_";
      case '\u2028' -> "\\L";
      case '\u2029' -> "\\P";
      default -> null;
    };
  }

  private void writeLiteral(String text) {
    StringBuilder hints = new StringBuilder("|");
    if (isLineBreak(text.charAt(0)) || text.charAt(0) == ' ') {
      hints.append(BEST_INDENT);
    }
    char last = text.charAt(text.length() - 1);
    if (!isLineBreak(last)) {
      hints.append('-');
    } else if (text.length() == 1 || isLineBreak(text.charAt(text.length() - 2))) {
      hints.append('+');
    }
    writeIndicator(hints.toString(), true, false, false);
    writeLineBreak(null);
    boolean breaks = true;
    int start = 0;
    for (int end = 0; end <= text.length(); end++) {
      char ch = end < text.length() ? text.charAt(end) : 0;
      if (breaks) {
        if (ch == 0 || !isLineBreak(ch)) {
          writeBreaks(text, start, end);
          if (ch != 0) {
            writeIndent();
          }
          start = end;
        }
      } else if (ch == 0 || isLineBreak(ch)) {
        // SnakeYAML does not count these columns; the line break that follows resets them.
        out.append(text, start, end);
        if (ch == 0) {
          writeLineBreak(null);
        }
        start = end;
      }
      if (ch != 0) {
        breaks = isLineBreak(ch);
      }
    }
  }

  private void writeBreaks(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char br = text.charAt(i);
      writeLineBreak(br == '\n' ? null : String.valueOf(br));
    }
  }

  // The emitter's layout primitives.

  private void increaseIndent(boolean flow, boolean indentless) {
    if (depth == indents.length) {
      indents = java.util.Arrays.copyOf(indents, depth * 2);
    }
    indents[depth++] = indent;
    if (indent == NO_INDENT) {
      indent = flow ? BEST_INDENT : 0;
    } else if (!indentless) {
      indent += BEST_INDENT;
    }
  }

  private int popIndent() {
    return indents[--depth];
  }

  private void writeIndent() {
    int target = indent == NO_INDENT ? 0 : indent;
    if (!indention || column > target || (column == target && !whitespace)) {
      writeLineBreak(null);
    }
    writeWhitespace(target - column);
  }

  private void writeWhitespace(int length) {
    if (length <= 0) {
      return;
    }
    whitespace = true;
    for (int i = 0; i < length; i++) {
      out.append(' ');
    }
    column += length;
  }

  private void writeLineBreak(String data) {
    whitespace = true;
    indention = true;
    column = 0;
    out.append(data == null ? "\n" : data);
  }

  private void writeIndicator(String indicator, boolean needWhitespace, boolean whitespace, boolean indentation) {
    if (!this.whitespace && needWhitespace) {
      column++;
      out.append(' ');
    }
    this.whitespace = whitespace;
    this.indention = this.indention && indentation;
    column += indicator.length();
    out.append(indicator);
  }

  private static boolean isLineBreak(int c) {
    return c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private static boolean isPrintable(int c) {
    return (c >= 0x20 && c <= 0x7e) || c == 0x9 || c == 0xa || c == 0xd || c == 0x85
        || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
  }

  /** SnakeYAML's analysis of a scalar: which styles can carry it. */
  private static final class Analysis {
    final boolean empty;
    final boolean multiline;
    final boolean allowBlockPlain;
    final boolean allowSingleQuoted;
    final boolean allowBlock;

    Analysis(String scalar) {
      if (scalar.isEmpty()) {
        empty = true;
        multiline = false;
        allowBlockPlain = true;
        allowSingleQuoted = true;
        allowBlock = false;
        return;
      }
      empty = false;
      boolean blockIndicators = false;
      boolean lineBreaks = false;
      boolean specialCharacters = false;
      boolean leadingSpace = false;
      boolean leadingBreak = false;
      boolean trailingSpace = false;
      boolean trailingBreak = false;
      boolean breakSpace = false;
      boolean spaceBreak = false;
      if (scalar.startsWith("---") || scalar.startsWith("...")) {
        blockIndicators = true;
      }
      boolean precededByWhitespace = true;
      boolean followedByWhitespace = scalar.length() == 1 || isBlankOrBreakOrNul(scalar.codePointAt(1));
      boolean previousSpace = false;
      boolean previousBreak = false;
      int index = 0;
      while (index < scalar.length()) {
        int c = scalar.codePointAt(index);
        if (index == 0) {
          if ("#,[]{}&*!|>'\"%@`".indexOf(c) != -1
              || ((c == '?' || c == ':' || c == '-') && followedByWhitespace)) {
            blockIndicators = true;
          }
        } else if ((c == ':' && followedByWhitespace) || (c == '#' && precededByWhitespace)) {
          blockIndicators = true;
        }
        boolean isLineBreak = isLineBreak(c);
        if (isLineBreak) {
          lineBreaks = true;
        }
        if (!(c == '\n' || (0x20 <= c && c <= 0x7e))) {
          boolean unicode = c == 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd)
              || (c >= 0x10000 && c <= 0x10ffff);
          if (!unicode) {
            specialCharacters = true;
          }
        }
        if (c == ' ') {
          if (index == 0) {
            leadingSpace = true;
          }
          if (index == scalar.length() - 1) {
            trailingSpace = true;
          }
          if (previousBreak) {
            breakSpace = true;
          }
          previousSpace = true;
          previousBreak = false;
        } else if (isLineBreak) {
          if (index == 0) {
            leadingBreak = true;
          }
          if (index == scalar.length() - 1) {
            trailingBreak = true;
          }
          if (previousSpace) {
            spaceBreak = true;
          }
          previousSpace = false;
          previousBreak = true;
        } else {
          previousSpace = false;
          previousBreak = false;
        }
        index += Character.charCount(c);
        precededByWhitespace = c == 0 || c == ' ' || c == '\t' || isLineBreak;
        followedByWhitespace = true;
        if (index + 1 < scalar.length()) {
          int nextIndex = index + Character.charCount(scalar.codePointAt(index));
          if (nextIndex < scalar.length()) {
            followedByWhitespace = isBlankOrNul(scalar.codePointAt(nextIndex)) || isLineBreak;
          }
        }
      }
      boolean blockPlain = true;
      boolean singleQuoted = true;
      boolean block = true;
      if (leadingSpace || leadingBreak || trailingSpace || trailingBreak || hasLeadingZero(scalar)) {
        blockPlain = false;
      }
      if (trailingSpace) {
        block = false;
      }
      if (breakSpace) {
        blockPlain = singleQuoted = false;
      }
      if (spaceBreak || specialCharacters) {
        blockPlain = singleQuoted = block = false;
      }
      if (blockIndicators) {
        blockPlain = false;
      }
      multiline = lineBreaks;
      allowBlockPlain = blockPlain;
      allowSingleQuoted = singleQuoted;
      allowBlock = block;
    }

    /** {@code 0[0-9_]+}. */
    private static boolean hasLeadingZero(String scalar) {
      if (scalar.length() > 1 && scalar.charAt(0) == '0') {
        for (int i = 1; i < scalar.length(); i++) {
          char ch = scalar.charAt(i);
          if (!((ch >= '0' && ch <= '9') || ch == '_')) {
            return false;
          }
        }
        return true;
      }
      return false;
    }

    private static boolean isBlankOrNul(int c) {
      return c == 0 || c == ' ' || c == '\t';
    }

    private static boolean isBlankOrBreakOrNul(int c) {
      return isBlankOrNul(c) || c == '\r' || isLineBreak(c);
    }
  }
}
