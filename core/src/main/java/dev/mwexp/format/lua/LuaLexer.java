package dev.mwexp.format.lua;

import dev.mwexp.format.lua.LuaTables.LuaSyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lua 5.1's lexical rules, with LuaJIT's number literals and string escapes: the tokens
 * {@link LuaTables} parses, each with its line and character offsets, so edits splice the source.
 */
final class LuaLexer {

  enum Kind { NAME, STRING, NUMBER, SYMBOL, EOF }

  /** A token, with its character offsets in the source: [start, end); a number's value in {@code value}. */
  static final class Token {
    final Kind kind;
    final String text;
    final int line;
    final int start;
    final int end;
    final double value;

    Token(Kind kind, String text, int line, int start, int end, double value) {
      this.kind = kind;
      this.text = text;
      this.line = line;
      this.start = start;
      this.end = end;
      this.value = value;
    }

    Token(Kind kind, String text, int line, int start, int end) {
      this(kind, text, line, start, end, 0);
    }
  }

  /** The source's tokens, ending with one of kind {@link Kind#EOF}. */
  static List<Token> tokens(String source) throws LuaSyntaxException {
    return new LuaLexer(source).read();
  }

  private final String s;
  private int i;
  private int line = 1;
  private final List<Token> out = new ArrayList<>();

  private LuaLexer(String s) {
    this.s = s;
  }

  private List<Token> read() throws LuaSyntaxException {
    while (true) {
      skipSpaceAndComments();
      if (i >= s.length()) {
        out.add(new Token(Kind.EOF, "<eof>", line, i, i));
        return out;
      }
      char c = s.charAt(i);
      int start = line;
      int from = i;
      if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
          i++;
        }
        out.add(new Token(Kind.NAME, s.substring(j, i), start, from, i));
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
        // As LuaJIT's lexer: the longest run of name characters and dots, signs only after an exponent letter.
        int j = i;
        boolean hex = c == '0' && i + 1 < s.length() && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X');
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.'
            || ((s.charAt(i) == '-' || s.charAt(i) == '+') && exponent(s.charAt(i - 1), hex)))) {
          i++;
        }
        String text = s.substring(j, i);
        out.add(new Token(Kind.NUMBER, text, start, from, i, LuaNumbers.value(text, start)));
      } else if (c == '"' || c == '\'') {
        String text = quoted(c);
        out.add(new Token(Kind.STRING, text, start, from, i));
      } else if (c == '[' && longBracketLevel() >= 0) {
        String text = longString();
        out.add(new Token(Kind.STRING, text, start, from, i));
      } else {
        String three = s.substring(i, Math.min(i + 3, s.length()));
        String two = s.substring(i, Math.min(i + 2, s.length()));
        String sym = three.equals("...") ? three
            : List.of("==", "~=", "<=", ">=", "..", "::").contains(two) ? two : String.valueOf(c);
        i += sym.length();
        out.add(new Token(Kind.SYMBOL, sym, start, from, i));
      }
    }
  }

  private static boolean exponent(char previous, boolean hex) {
    return hex ? previous == 'p' || previous == 'P' : previous == 'e' || previous == 'E';
  }

  private void skipSpaceAndComments() throws LuaSyntaxException {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (s.startsWith("--", i)) {
        i += 2;
        if (i < s.length() && s.charAt(i) == '[' && longBracketLevel() >= 0) {
          longString();
        } else {
          while (i < s.length() && s.charAt(i) != '\n') {
            i++;
          }
        }
      } else {
        return;
      }
    }
  }

  /** The level of a long bracket opening at i ({@code [[} is 0, {@code [==[} is 2), or -1. */
  private int longBracketLevel() {
    int j = i + 1;
    int level = 0;
    while (j < s.length() && s.charAt(j) == '=') {
      level++;
      j++;
    }
    return j < s.length() && s.charAt(j) == '[' ? level : -1;
  }

  private String longString() throws LuaSyntaxException {
    int level = longBracketLevel();
    int start = line;
    i += level + 2;
    if (i < s.length() && s.charAt(i) == '\n') {
      line++;
      i++;
    }
    String close = "]" + "=".repeat(level) + "]";
    int end = s.indexOf(close, i);
    if (end < 0) {
      throw new LuaSyntaxException(start, "unfinished long string");
    }
    String text = s.substring(i, end);
    line += (int) text.chars().filter(ch -> ch == '\n').count();
    i = end + close.length();
    return text;
  }

  private String quoted(char quote) throws LuaSyntaxException {
    int start = line;
    i++;
    // Lua strings are bytes: \ddd escapes and literal text both add bytes, decoded as UTF-8 at the end.
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    while (true) {
      if (i >= s.length() || s.charAt(i) == '\n') {
        throw new LuaSyntaxException(start, "unfinished string");
      }
      char c = s.charAt(i++);
      if (c == quote) {
        return b.toString(java.nio.charset.StandardCharsets.UTF_8);
      }
      if (c != '\\') {
        int cp = c;
        if (Character.isHighSurrogate(c) && i < s.length()) {
          cp = Character.toCodePoint(c, s.charAt(i++));
        }
        b.writeBytes(new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        continue;
      }
      if (i >= s.length()) {
        throw new LuaSyntaxException(start, "unfinished string");
      }
      char e = s.charAt(i++);
      switch (e) {
        case 'n' -> b.write('\n');
        case 't' -> b.write('\t');
        case 'r' -> b.write('\r');
        case 'a' -> b.write(7);
        case 'b' -> b.write('\b');
        case 'f' -> b.write('\f');
        case 'v' -> b.write(11);
        case '\\', '"', '\'' -> b.write(e);
        case '\n' -> {
          b.write('\n');
          line++;
        }
        case 'x' -> {
          // LuaJIT: exactly two hex digits.
          if (i + 2 > s.length() || Character.digit(s.charAt(i), 16) < 0 || Character.digit(s.charAt(i + 1), 16) < 0) {
            throw new LuaSyntaxException(line, "invalid escape sequence \\x");
          }
          b.write(Integer.parseInt(s.substring(i, i + 2), 16));
          i += 2;
        }
        case 'z' -> {
          // LuaJIT: skips the white space that follows, newlines included.
          while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            if (s.charAt(i) == '\n') {
              line++;
            }
            i++;
          }
        }
        default -> {
          if (Character.isDigit(e)) {
            int j = i - 1;
            int k = j;
            while (k < s.length() && k < j + 3 && Character.isDigit(s.charAt(k))) {
              k++;
            }
            int code = Integer.parseInt(s.substring(j, k));
            if (code > 255) {
              throw new LuaSyntaxException(line, "escape \\" + code + " is too large");
            }
            b.write(code);
            i = k;
          } else {
            throw new LuaSyntaxException(line, "invalid escape \\" + e);
          }
        }
      }
    }
  }
}
