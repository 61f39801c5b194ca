package dev.mwexp.format.lua;

import dev.mwexp.format.lua.LuaLexer.Kind;
import dev.mwexp.format.lua.LuaLexer.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one Lua reader: LuaJIT's lexical rules (comments, short and long strings with their escapes,
 * its number literals, names) and Lua 5.1's grammar (with LuaJIT's {@code goto} and labels) over
 * the whole chunk, in one linear pass. Every table constructor becomes a {@link Table}, wherever it
 * stands; other expressions are read by the grammar and kept as opaque. A routing table is found
 * by its structure, and a script LuaJIT would refuse is refused here, at its line.
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
    private final Map<Object, Integer> assigned = new LinkedHashMap<>();
    Table parent;
    Object keyInParent;
    /** The top-level variable this constructor is assigned to; null for any other place. */
    String binding;
    int firstToken;
    int lastToken;

    Table(int line) {
      this.line = line;
    }

    /** Values are String, Double, Boolean, Table, or {@link #OPAQUE} for other expressions (and nil fields). */
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

    /**
     * Keys that a statement after the constructor sets ({@code t.backends["x"] = …}), with that
     * statement's line: LuaJIT runs it, so the constructor's entry is not what routes.
     */
    public Map<Object, Integer> assignedLater() {
      return assigned;
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

    public LuaSyntaxException(int line, String message) {
      super("line " + line + ": " + message, null, false, false);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  /** {@code root.k1.k2… = value}, a statement after the constructors: LuaJIT runs it when it gets there. */
  private record Assignment(String root, List<Object> keys, Object value, int line, int token) {}

  private final List<Token> tokens;
  private int pos;
  private int depth;
  /** How many blocks (function bodies, do, if, loops) enclose the statement being read. */
  private int block;
  /** How many table constructors enclose the expression being read. */
  private int tableNesting;
  private final List<Table> tables = new ArrayList<>();
  private final List<Table> outermost = new ArrayList<>();
  private final List<Assignment> assignments = new ArrayList<>();

  private LuaTables(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** Every table constructor in the script, outermost first. */
  public static List<Table> parse(String source) throws LuaSyntaxException {
    return read(source).all();
  }

  /**
   * The script's table constructors and which of them the running script can see. The whole
   * chunk is parsed by Lua 5.1's grammar (with LuaJIT's goto, labels and number literals), so text
   * LuaJIT would refuse is a {@link LuaSyntaxException} at its line, never a guess. Assignments
   * into a bound table after its constructor ({@code t.a["b"] = {…}}) are applied as LuaJIT runs
   * them, and each overridden key is recorded as a duplicate.
   */
  public static Chunk read(String source) throws LuaSyntaxException {
    LuaTables reader = new LuaTables(LuaLexer.tokens(source));
    reader.block(false);
    if (reader.peek().kind != Kind.EOF) {
      throw reader.error("'<eof>' expected");
    }
    List<Table> roots = reader.liveRoots(reader.outermost);
    reader.applyAssignments(roots);
    return new Chunk(reader.tables, roots);
  }

  // ---- statements ----

  private static final java.util.Set<String> BLOCK_END = java.util.Set.of("end", "else", "elseif", "until");

  private void block(boolean nested) throws LuaSyntaxException {
    if (nested) {
      block++;
    }
    while (true) {
      Token t = peek();
      if (t.kind == Kind.EOF || (t.kind == Kind.NAME && BLOCK_END.contains(t.text))) {
        break;
      }
      if (t.kind == Kind.NAME && t.text.equals("return")) {
        next();
        if (!blockEnds() && !isSymbol(";")) {
          expressionList();
        }
        accept(";");
        break;
      }
      statement();
    }
    if (nested) {
      block--;
    }
  }

  private boolean blockEnds() {
    Token t = peek();
    return t.kind == Kind.EOF || (t.kind == Kind.NAME && BLOCK_END.contains(t.text));
  }

  private void statement() throws LuaSyntaxException {
    Token t = peek();
    if (isSymbol(";")) {
      next();
      return;
    }
    if (isSymbol("::")) {
      next();
      name();
      expect("::");
      return;
    }
    if (t.kind == Kind.NAME) {
      switch (t.text) {
        case "do" -> {
          next();
          block(true);
          close("end", "do", t.line);
          return;
        }
        case "while" -> {
          next();
          expression();
          expect("do");
          block(true);
          close("end", "while", t.line);
          return;
        }
        case "repeat" -> {
          next();
          block(true);
          close("until", "repeat", t.line);
          expression();
          return;
        }
        case "if" -> {
          next();
          expression();
          expect("then");
          block(true);
          while (isName("elseif")) {
            next();
            expression();
            expect("then");
            block(true);
          }
          if (isName("else")) {
            next();
            block(true);
          }
          close("end", "if", t.line);
          return;
        }
        case "for" -> {
          next();
          name();
          if (isSymbol("=")) {
            next();
            expression();
            expect(",");
            expression();
            if (accept(",")) {
              expression();
            }
          } else {
            while (accept(",")) {
              name();
            }
            expect("in");
            expressionList();
          }
          expect("do");
          block(true);
          close("end", "for", t.line);
          return;
        }
        case "function" -> {
          next();
          name();
          while (isSymbol(".") || isSymbol(":")) {
            next();
            name();
          }
          functionBody(t.line);
          return;
        }
        case "local" -> {
          next();
          if (isName("function")) {
            next();
            name();
            functionBody(t.line);
            return;
          }
          List<String> names = new ArrayList<>();
          names.add(name());
          while (accept(",")) {
            names.add(name());
          }
          if (accept("=")) {
            bind(names);
          }
          return;
        }
        case "break" -> {
          next();
          return;
        }
        case "goto" -> {
          next();
          name();
          return;
        }
        default -> { }
      }
    }
    expressionStatement();
  }

  /** {@code f(…)}, {@code a.b:c(…)}, or an assignment {@code v1, v2 = e1, e2}. */
  private void expressionStatement() throws LuaSyntaxException {
    int first = pos;
    List<Target> targets = new ArrayList<>();
    Target target = suffixed();
    if (!isSymbol("=") && !isSymbol(",")) {
      if (!target.call) {
        throw error("syntax error");
      }
      return;
    }
    targets.add(target);
    while (accept(",")) {
      targets.add(suffixed());
    }
    for (Target t : targets) {
      if (t.call) {
        throw new LuaSyntaxException(tokens.get(first).line, "syntax error near '" + tokens.get(first).text + "'");
      }
    }
    expect("=");
    List<String> plainNames = new ArrayList<>();
    targets.forEach(t -> plainNames.add(t.keys == null || !t.keys.isEmpty() ? null : t.root));
    int statement = pos;
    List<Object> values = bind(plainNames);
    for (int i = 0; i < targets.size() && i < values.size(); i++) {
      Target t = targets.get(i);
      if (t.root != null && t.keys != null && !t.keys.isEmpty()) {
        assignments.add(new Assignment(t.root, t.keys, values.get(i), tokens.get(first).line, statement));
      }
    }
  }

  /**
   * The values of an expression list, binding each table constructor at the chunk's top level to
   * the plain variable it is assigned to ({@code [local] name = {…}}).
   */
  private List<Object> bind(List<String> names) throws LuaSyntaxException {
    List<Object> values = new ArrayList<>();
    int i = 0;
    do {
      int before = outermost.size();
      Object value = expression();
      values.add(value);
      // Its token range was recorded when the constructor was read (tableValue).
      if (value instanceof Table table && outermost.size() > before && outermost.get(before) == table) {
        table.binding = block == 0 && i < names.size() ? names.get(i) : null;
      }
      i++;
    } while (accept(","));
    return values;
  }

  /** What a suffixed expression names: a variable and literal keys below it, or a call. */
  private static final class Target {
    String root;
    /** Literal keys after the root; null once a key is not a literal. */
    List<Object> keys = new ArrayList<>();
    boolean call;
  }

  private Target suffixed() throws LuaSyntaxException {
    Target target = new Target();
    if (peek().kind == Kind.NAME && !KEYWORDS.contains(peek().text)) {
      target.root = next().text;
    } else if (isSymbol("(")) {
      int line = next().line;
      expression();
      close(")", "(", line);
      target.keys = null;
    } else {
      throw error("unexpected symbol");
    }
    while (true) {
      if (isSymbol(".")) {
        next();
        String key = name();
        if (target.keys != null) {
          target.keys.add(key);
        }
        target.call = false;
      } else if (isSymbol("[")) {
        int line = next().line;
        Object key = expression();
        close("]", "[", line);
        if (target.keys != null) {
          if (key instanceof String || key instanceof Double) {
            target.keys.add(key);
          } else {
            target.keys = null;
          }
        }
        target.call = false;
      } else if (isSymbol(":")) {
        next();
        name();
        arguments();
        target.keys = null;
        target.call = true;
      } else if (isSymbol("(") || isSymbol("{") || peek().kind == Kind.STRING) {
        arguments();
        target.keys = null;
        target.call = true;
      } else {
        return target;
      }
    }
  }

  private void arguments() throws LuaSyntaxException {
    if (peek().kind == Kind.STRING) {
      next();
    } else if (isSymbol("{")) {
      tableValue();
    } else {
      int line = expect("(").line;
      if (!isSymbol(")")) {
        expressionList();
      }
      close(")", "(", line);
    }
  }

  private void functionBody(int line) throws LuaSyntaxException {
    expect("(");
    if (!isSymbol(")")) {
      do {
        if (isSymbol("...")) {
          next();
          break;
        }
        name();
      } while (accept(","));
    }
    expect(")");
    block(true);
    close("end", "function", line);
  }

  private void expressionList() throws LuaSyntaxException {
    do {
      expression();
    } while (accept(","));
  }

  // ---- expressions ----

  private static final java.util.Set<String> BINARY = java.util.Set.of(
      "+", "-", "*", "/", "%", "^", "..", "==", "~=", "<", "<=", ">", ">=");

  /**
   * An expression by Lua 5.1's grammar. Its value when it is a lone literal or table constructor
   * (String, Double, Boolean, Table, or null for {@code nil}); {@link #OPAQUE} otherwise.
   */
  private Object expression() throws LuaSyntaxException {
    Object value = operand();
    boolean lone = true;
    while (isBinary()) {
      next();
      operand();
      lone = false;
    }
    return lone ? value : OPAQUE;
  }

  private boolean isBinary() {
    Token t = peek();
    return (t.kind == Kind.SYMBOL && BINARY.contains(t.text))
        || (t.kind == Kind.NAME && (t.text.equals("and") || t.text.equals("or")));
  }

  private Object operand() throws LuaSyntaxException {
    Token t = peek();
    if (isSymbol("-") || isSymbol("#") || isName("not")) {
      next();
      Object v = operand();
      return t.text.equals("-") && v instanceof Double d ? Double.valueOf(-d) : OPAQUE;
    }
    switch (t.kind) {
      case NUMBER -> {
        next();
        return t.value;
      }
      case STRING -> {
        next();
        return t.text;
      }
      case NAME -> {
        switch (t.text) {
          case "nil" -> {
            next();
            return null;
          }
          case "true", "false" -> {
            next();
            return Boolean.valueOf(t.text);
          }
          case "function" -> {
            next();
            functionBody(t.line);
            return OPAQUE;
          }
          default -> {
            suffixed();
            return OPAQUE;
          }
        }
      }
      case SYMBOL -> {
        if (t.text.equals("...")) {
          next();
          return OPAQUE;
        }
        if (t.text.equals("{")) {
          return tableValue();
        }
        suffixed();
        return OPAQUE;
      }
      default -> throw error("unexpected symbol");
    }
  }

  /** A table constructor, recorded; at no table's nesting, an outermost one. */
  private Table tableValue() throws LuaSyntaxException {
    boolean outer = tableNesting == 0;
    int first = pos;
    tableNesting++;
    Table table = table();
    tableNesting--;
    if (outer) {
      table.firstToken = first;
      table.lastToken = pos - 1;
      outermost.add(table);
    }
    return table;
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
        close("}", "{", open.line);
      }
      Object key;
      int line = peek().line;
      int fieldStart = peek().start;
      if (isSymbol("[")) {
        int at = next().line;
        key = expression();
        close("]", "[", at);
        expect("=");
      } else if (peek().kind == Kind.NAME && tokens.get(pos + 1).kind == Kind.SYMBOL
          && tokens.get(pos + 1).text.equals("=")) {
        key = next().text;
        next();
      } else {
        key = arrayIndex++;
      }
      Object value = expression();
      if (value == null) {
        value = OPAQUE; // a nil field: Lua keeps no value; the key is still set twice if repeated
      }
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
        close("}", "{", open.line);
      }
    }
    table.close = next().start;
    depth--;
    return table;
  }

  // ---- after parsing ----

  /** Applies {@code root.k… = v} statements that come after their root's constructor, in order. */
  private void applyAssignments(List<Table> roots) {
    for (Assignment a : assignments) {
      Table root = null;
      for (Table t : roots) {
        if (a.root.equals(t.binding) && t.lastToken < a.token) {
          root = t;
        }
      }
      Table current = root;
      for (int i = 0; current != null && i < a.keys.size() - 1; i++) {
        current = current.fields.get(a.keys.get(i)) instanceof Table t ? t : null;
      }
      if (current == null) {
        continue;
      }
      Object key = a.keys.get(a.keys.size() - 1);
      if (current.fields.containsKey(key)) {
        current.duplicates.add(new Duplicate(key, current.fieldLines.get(key), a.line));
        current.fields.remove(key);
      }
      current.assigned.put(key, a.line);
      if (a.value != null) {
        current.fields.put(key, a.value);
        current.fieldLines.put(key, a.line);
        if (a.value instanceof Table child) {
          child.parent = current;
          child.keyInParent = key;
          roots.remove(child); // reached through its new parent now, not as a root of its own
        }
      }
    }
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

  // ---- tokens ----

  private static final java.util.Set<String> KEYWORDS =
      java.util.Set.of("and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
          "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while");

  private boolean isSymbolAt(int i, String s) {
    Token t = tokens.get(i);
    return t.kind == Kind.SYMBOL && t.text.equals(s);
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind != Kind.EOF) {
      pos++;
    }
    return t;
  }

  private boolean isSymbol(String s) {
    Token t = peek();
    return t.kind == Kind.SYMBOL && t.text.equals(s);
  }

  private boolean isName(String s) {
    Token t = peek();
    return t.kind == Kind.NAME && t.text.equals(s);
  }

  private boolean accept(String symbol) {
    if (isSymbol(symbol)) {
      next();
      return true;
    }
    return false;
  }

  private String name() throws LuaSyntaxException {
    Token t = peek();
    if (t.kind != Kind.NAME || KEYWORDS.contains(t.text)) {
      throw error("<name> expected");
    }
    return next().text;
  }

  /** A symbol or keyword that must come next. */
  private Token expect(String what) throws LuaSyntaxException {
    Token t = peek();
    boolean keyword = Character.isLetter(what.charAt(0));
    if (keyword ? !isName(what) : !isSymbol(what)) {
      throw error("'" + what + "' expected");
    }
    return next();
  }

  /** The token closing what opened at {@code line}, with LuaJIT's message when it is missing. */
  private void close(String what, String opener, int line) throws LuaSyntaxException {
    Token t = peek();
    boolean keyword = Character.isLetter(what.charAt(0));
    if (keyword ? !isName(what) : !isSymbol(what)) {
      throw t.line == line ? error("'" + what + "' expected")
          : new LuaSyntaxException(t.line, "'" + what + "' expected (to close '" + opener + "' at line " + line
              + ") near '" + near(t) + "'");
    }
    next();
  }

  private LuaSyntaxException error(String message) {
    Token t = peek();
    return new LuaSyntaxException(t.line, message + " near '" + near(t) + "'");
  }

  private static String near(Token t) {
    String text = t.kind == Kind.EOF ? "<eof>" : t.text;
    return dev.mwexp.files.Inert.text(text.length() > 40 ? text.substring(0, 40) + "…" : text);
  }
}
