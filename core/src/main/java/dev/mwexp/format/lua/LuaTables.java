package dev.mwexp.format.lua;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small real Lua 5.1 reader for table constructors: it tokenizes the whole script (comments,
 * short and long strings with their escapes, numbers, names) and parses every table constructor
 * into a {@link Table}, wherever it stands. Other expressions are skipped as opaque, so a routing
 * table is found by its structure, not by regular expressions over source text.
 */
public final class LuaTables {

  /** A parsed table constructor: keyed fields in order, and the line it opened on. */
  public static final class Table {
    private final Map<Object, Object> fields = new LinkedHashMap<>();
    private final int line;
    private final Map<Object, Integer> fieldLines = new LinkedHashMap<>();
    private final Map<Object, Span> fieldSpans = new LinkedHashMap<>();
    int open;
    int close;
    private final List<Duplicate> duplicates = new ArrayList<>();
    Table parent;
    Object keyInParent;
    /** The top-level variable this constructor is assigned to; null for any other place. */
    String binding;
    int firstToken;
    int lastToken;

    Table(int line) {
      this.line = line;
    }

    /** Values are String, Double, Boolean, Table, or {@link #OPAQUE} for other expressions. */
    public Map<Object, Object> fields() {
      return fields;
    }

    public int line() {
      return line;
    }

    public int lineOf(Object key) {
      return fieldLines.getOrDefault(key, line);
    }

    /** Where a field stands in the source: from its key (or value) to the end of its value. */
    public Span spanOf(Object key) {
      return fieldSpans.get(key);
    }

    /** The offsets of the constructor's braces: {@code {} at open, {@code }} at close. */
    public Span braces() {
      return new Span(open, close + 1);
    }

    public Table parent() {
      return parent;
    }

    public Object keyInParent() {
      return keyInParent;
    }

    /** Keys this constructor sets more than once; Lua keeps the last value. */
    public List<Duplicate> duplicates() {
      return duplicates;
    }

    /** The top-level variable the table is assigned to, when it stands as {@code [local] name = {…}}. */
    public java.util.Optional<String> binding() {
      return java.util.Optional.ofNullable(binding);
    }
  }

  /** Character offsets [start, end) in the source. */
  public record Span(int start, int end) {}

  /** A key set twice in one table constructor: the first line is overridden by the second. */
  public record Duplicate(Object key, int firstLine, int line) {}

  /**
   * The tables the code can reach at run time: outermost constructors that are the last top-level
   * assignment of a variable some code references, or that are bound to no variable at all; and
   * everything nested in those through the keys Lua keeps (the last of duplicates).
   */
  public static final class Chunk {
    private final List<Table> all;
    private final List<Table> roots;

    Chunk(List<Table> all, List<Table> roots) {
      this.all = all;
      this.roots = roots;
    }

    /** Every constructor in the source, live or not. */
    public List<Table> all() {
      return all;
    }

    /** The outermost constructors whose values the running script can see. */
    public List<Table> liveRoots() {
      return roots;
    }

    /** The live roots and every table nested in them, outermost first. */
    public List<Table> live() {
      List<Table> out = new ArrayList<>();
      java.util.ArrayDeque<Table> queue = new java.util.ArrayDeque<>(roots);
      while (!queue.isEmpty()) {
        Table t = queue.poll();
        out.add(t);
        t.fields().values().forEach(v -> {
          if (v instanceof Table child) {
            queue.add(child);
          }
        });
      }
      return out;
    }
  }

  /** Nesting beyond this is refused: real routing tables are four levels deep. */
  public static final int MAX_DEPTH = 64;

  /** An expression the reader does not evaluate. */
  public static final Object OPAQUE = new Object() {
    @Override
    public String toString() {
      return "<expression>";
    }
  };

  /** Thrown for text that is not Lua; carries the line. */
  public static final class LuaSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    LuaSyntaxException(int line, String message) {
      super("line " + line + ": " + message, null, false, false);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  private enum Kind { NAME, STRING, NUMBER, SYMBOL, EOF }

  /** A token, with its character offsets in the source: [start, end). */
  private record Token(Kind kind, String text, int line, int start, int end) {}

  private final List<Token> tokens;
  private int pos;
  private int depth;
  private final List<Table> tables = new ArrayList<>();

  private LuaTables(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** Every table constructor in the script, outermost first. */
  public static List<Table> parse(String source) throws LuaSyntaxException {
    return read(source).all();
  }

  /** The script's table constructors and which of them the running script can see. */
  public static Chunk read(String source) throws LuaSyntaxException {
    LuaTables reader = new LuaTables(new Lexer(source).tokens());
    List<Table> outermost = new ArrayList<>();
    int block = 0;
    while (reader.peek().kind != Kind.EOF) {
      Token t = reader.peek();
      if (t.kind == Kind.SYMBOL && t.text.equals("{")) {
        String binding = block == 0 ? reader.bindingBefore(reader.pos) : null;
        int first = reader.pos;
        Table table = reader.table();
        table.binding = binding;
        table.firstToken = first;
        table.lastToken = reader.pos - 1;
        outermost.add(table);
        continue;
      }
      if (t.kind == Kind.NAME) {
        switch (t.text) {
          case "function", "do", "if", "repeat" -> block++;
          case "end", "until" -> block = Math.max(0, block - 1);
          default -> { }
        }
      }
      reader.pos++;
    }
    return new Chunk(reader.tables, reader.liveRoots(outermost));
  }

  /** {@code NAME} when the tokens before {@code at} are {@code [local] NAME =} at a statement's start. */
  private String bindingBefore(int at) {
    if (at < 2 || !isSymbolAt(at - 1, "=") || tokens.get(at - 2).kind != Kind.NAME) {
      return null;
    }
    Token name = tokens.get(at - 2);
    if (KEYWORDS.contains(name.text) || (at >= 3 && (isSymbolAt(at - 3, ".") || isSymbolAt(at - 3, ":")
        || isSymbolAt(at - 3, ",")))) {
      return null;
    }
    return name.text;
  }

  private boolean isSymbolAt(int i, String s) {
    Token t = tokens.get(i);
    return t.kind == Kind.SYMBOL && t.text.equals(s);
  }

  /**
   * Of the tables assigned to a variable, the last assignment of each name, and only when the
   * name is read somewhere outside that constructor: an unused copy routes nothing.
   */
  private List<Table> liveRoots(List<Table> outermost) {
    Map<String, Table> lastBinding = new LinkedHashMap<>();
    for (Table t : outermost) {
      if (t.binding != null) {
        lastBinding.put(t.binding, t);
      }
    }
    List<Table> live = new ArrayList<>();
    for (Table t : outermost) {
      if (t.binding == null) {
        live.add(t);
      } else if (lastBinding.get(t.binding) == t && isReadOutside(t.binding, t.firstToken, t.lastToken)) {
        live.add(t);
      }
    }
    return live;
  }

  private boolean isReadOutside(String name, int from, int to) {
    for (int i = 0; i < tokens.size(); i++) {
      if (i >= from && i <= to) {
        continue;
      }
      Token t = tokens.get(i);
      if (t.kind != Kind.NAME || !t.text.equals(name)) {
        continue;
      }
      boolean field = i > 0 && (isSymbolAt(i - 1, ".") || isSymbolAt(i - 1, ":"));
      boolean assigned = i + 1 < tokens.size() && isSymbolAt(i + 1, "=");
      boolean declared = i > 0 && tokens.get(i - 1).kind == Kind.NAME
          && (tokens.get(i - 1).text.equals("local") || tokens.get(i - 1).text.equals("function"));
      if (!field && !assigned && !declared) {
        return true;
      }
    }
    return false;
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    return tokens.get(pos++);
  }

  private boolean isSymbol(String s) {
    Token t = peek();
    return t.kind == Kind.SYMBOL && t.text.equals(s);
  }

  private Table table() throws LuaSyntaxException {
    Token open = next();
    if (++depth > MAX_DEPTH) {
      throw new LuaSyntaxException(open.line, "tables nested more than " + MAX_DEPTH + " deep");
    }
    Table table = new Table(open.line);
    table.open = open.start;
    tables.add(table);
    double arrayIndex = 1;
    while (!isSymbol("}")) {
      if (peek().kind == Kind.EOF) {
        throw new LuaSyntaxException(open.line, "table opened here is never closed");
      }
      Object key;
      int line = peek().line;
      int fieldStart = peek().start;
      if (isSymbol("[")) {
        next();
        key = expression();
        expect("]");
        expect("=");
      } else if (peek().kind == Kind.NAME && tokens.get(pos + 1).kind == Kind.SYMBOL
          && tokens.get(pos + 1).text.equals("=")) {
        key = next().text;
        next();
      } else {
        key = arrayIndex++;
      }
      Object value = expression();
      if (value instanceof Table child) {
        child.parent = table;
        child.keyInParent = key;
      }
      if (table.fields.containsKey(key)) {
        table.duplicates.add(new Duplicate(key, table.fieldLines.get(key), line));
        // Lua assigns constructor fields in order: the last one is what the table holds.
        table.fields.remove(key);
      }
      table.fields.put(key, value);
      table.fieldLines.put(key, line);
      table.fieldSpans.put(key, new Span(fieldStart, tokens.get(pos - 1).end));
      if (isSymbol(",") || isSymbol(";")) {
        next();
      } else if (!isSymbol("}")) {
        throw new LuaSyntaxException(peek().line, "expected ',' or '}' in table, found '" + peek().text + "'");
      }
    }
    table.close = next().start;
    depth--;
    return table;
  }

  /** A literal or table; anything else is skipped to the end of the expression. */
  private Object expression() throws LuaSyntaxException {
    Token t = peek();
    Token after = tokens.get(Math.min(pos + 1, tokens.size() - 1));
    boolean simpleEnd =
        after.kind == Kind.EOF
            || (after.kind == Kind.SYMBOL && (after.text.equals(",") || after.text.equals(";")
                || after.text.equals("}") || after.text.equals("]")));
    if (t.kind == Kind.SYMBOL && t.text.equals("{")) {
      Table table = table();
      return isExpressionEnd() ? table : skipRest();
    }
    if (simpleEnd) {
      next();
      return switch (t.kind) {
        case STRING -> t.text;
        case NUMBER -> Double.valueOf(t.text);
        case NAME -> t.text.equals("true") ? Boolean.TRUE : t.text.equals("false") ? Boolean.FALSE : OPAQUE;
        default -> OPAQUE;
      };
    }
    return skipRest();
  }

  private boolean isExpressionEnd() {
    return peek().kind == Kind.EOF || isSymbol(",") || isSymbol(";") || isSymbol("}") || isSymbol("]");
  }

  private static final java.util.Set<String> OPERAND_KEYWORDS = java.util.Set.of("nil", "true", "false");
  private static final java.util.Set<String> KEYWORDS =
      java.util.Set.of("and", "break", "do", "else", "elseif", "end", "false", "for", "function", "if", "in",
          "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while");

  private static boolean isOperand(Token t) {
    return switch (t.kind) {
      case NUMBER, STRING -> true;
      case NAME -> !KEYWORDS.contains(t.text) || OPERAND_KEYWORDS.contains(t.text);
      case SYMBOL -> t.text.equals(")") || t.text.equals("]") || t.text.equals("}");
      default -> false;
    };
  }

  private Object skipRest() throws LuaSyntaxException {
    int depth = 0;
    Token previous = pos > 0 ? tokens.get(pos - 1) : null;
    while (peek().kind != Kind.EOF) {
      Token t = peek();
      // Two operands in a row ("1 b") is no Lua expression: a missing separator.
      if (previous != null && isOperand(previous) && (t.kind == Kind.NUMBER
          || (t.kind == Kind.NAME && (!KEYWORDS.contains(t.text) || OPERAND_KEYWORDS.contains(t.text))))) {
        throw new LuaSyntaxException(t.line, "expected ',' or '}' before '" + t.text + "'");
      }
      previous = t;
      if (t.kind == Kind.SYMBOL) {
        if (depth == 0 && (t.text.equals(",") || t.text.equals(";") || t.text.equals("}") || t.text.equals("]"))) {
          return OPAQUE;
        }
        if (t.text.equals("{")) {
          table();
          continue;
        }
        if (t.text.equals("(") || t.text.equals("[")) {
          depth++;
        } else if (t.text.equals(")") || t.text.equals("]")) {
          depth--;
        }
      } else if (t.kind == Kind.NAME && t.text.equals("function")) {
        skipFunction();
        continue;
      }
      next();
    }
    return OPAQUE;
  }

  private void skipFunction() {
    int depth = 0;
    do {
      Token t = next();
      if (t.kind == Kind.NAME) {
        switch (t.text) {
          case "function", "do", "then", "repeat" -> depth += t.text.equals("then") ? 0 : 1;
          case "if" -> depth++;
          case "end", "until" -> depth--;
          default -> { }
        }
      }
    } while (depth > 0 && peek().kind != Kind.EOF);
  }

  private void expect(String symbol) throws LuaSyntaxException {
    Token t = next();
    if (t.kind != Kind.SYMBOL || !t.text.equals(symbol)) {
      throw new LuaSyntaxException(t.line, "expected '" + symbol + "', found '" + t.text + "'");
    }
  }

  /** Lua 5.1 lexical rules. */
  private static final class Lexer {
    private final String s;
    private int i;
    private int line = 1;
    private final List<Token> out = new ArrayList<>();

    Lexer(String s) {
      this.s = s;
    }

    List<Token> tokens() throws LuaSyntaxException {
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
          int j = i;
          while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.'
              || ((s.charAt(i) == '-' || s.charAt(i) == '+') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')))) {
            i++;
          }
          out.add(new Token(Kind.NUMBER, number(s.substring(j, i), start), start, from, i));
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
              : List.of("==", "~=", "<=", ">=", "..").contains(two) ? two : String.valueOf(c);
          i += sym.length();
          out.add(new Token(Kind.SYMBOL, sym, start, from, i));
        }
      }
    }

    private static final java.util.regex.Pattern DECIMAL =
        java.util.regex.Pattern.compile("(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final java.util.regex.Pattern HEX = java.util.regex.Pattern.compile("0[xX][0-9a-fA-F]+");

    /** A number as Lua 5.1 reads it (decimal or hex integer), as decimal text; else "malformed number". */
    private static String number(String text, int line) throws LuaSyntaxException {
      if (HEX.matcher(text).matches()) {
        return new java.math.BigDecimal(new java.math.BigInteger(text.substring(2), 16)).toPlainString();
      }
      if (DECIMAL.matcher(text).matches()) {
        return text;
      }
      throw new LuaSyntaxException(line, "malformed number near '" + dev.mwexp.files.Inert.text(text) + "'");
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
}
