package dev.mwexp.format.zone;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The one reader of zone templates: gdnsd's zone-file syntax (RFC 1035 master files plus
 * {@code DYNA}/{@code DYNC}, {@code ttl/limit} and {@code $ADDR_LIMIT_*}) inside Jinja, as
 * operations/dns writes {@code templates/wmnet}. Sync, import and check all read through it.
 *
 * <p>It reads in one pass, linear in the text: lines, quoted strings with escapes, {@code ;}
 * comments, parentheses across lines, directives, an owner left blank (the previous one), {@code @},
 * relative and absolute names, and Jinja statements, whose blocks are tracked so that nothing is
 * ever written inside one. Records are tokenised, never judged: a record it does not understand is
 * still an entry with its words. Only what breaks the line structure itself (a parenthesis or quote
 * left open) is a {@link Problem}.
 */
public final class ZoneTemplate {

  /** A resource record or directive, on lines {@code firstLine..lastLine} (1-based). */
  public record Entry(
      int firstLine,
      int lastLine,
      int column,
      /** The origin in force, absolute, lower case, without the trailing dot ("" before any). */
      String origin,
      /** For records: the owner, absolute, lower case, without the trailing dot. For directives: "". */
      String owner,
      /** For records: the owner as written ("" when inherited); for directives, the directive. */
      String ownerText,
      /** For records: TTL (as written, may be "300/10"), class, type and data words; for directives, the arguments. */
      String ttlText,
      String type,
      List<String> data,
      /** The TTL in force, in seconds: the record's own, else {@code $TTL}'s; empty when neither is readable. */
      OptionalInt ttl,
      /** The comment on the entry's first line, with its {@code ;}, or "". */
      String comment,
      /** How many Jinja blocks ({@code for}, {@code if}, …) enclose it: 0 at the top level. */
      int jinjaDepth) {

    public boolean isDirective() {
      return owner.isEmpty() && ownerText.startsWith("$");
    }

    public boolean isRecord() {
      return !isDirective();
    }

    /** Whether it holds template expressions ({@code {{ … }}}), so its text is not its rendered value. */
    public boolean templated() {
      return owner.contains("{{") || ownerText.contains("{{") || data.stream().anyMatch(w -> w.contains("{{"));
    }

    /** The record's first data word as an absolute name, for CNAME-like data. */
    public String target() {
      return data.isEmpty() ? "" : absolute(data.get(0), origin);
    }
  }

  /** Something that breaks the template's line structure, at a 1-based line and column. */
  public record Problem(int line, int column, String message) {}

  /** A Jinja statement line ({@code {% … %}}) and its depth after it. */
  public record Statement(int line, String keyword, int depthAfter) {}

  private final List<String> lines;
  private final List<Entry> entries;
  private final List<Problem> problems;
  private final List<Statement> statements;
  private final String lineEnding;

  private ZoneTemplate(List<String> lines, List<Entry> entries, List<Problem> problems, List<Statement> statements,
      String lineEnding) {
    this.lines = lines;
    this.entries = entries;
    this.problems = problems;
    this.statements = statements;
    this.lineEnding = lineEnding;
  }

  /** The lines as in the file, each without its {@code \n} (a {@code \r} before it is kept). */
  public List<String> lines() {
    return lines;
  }

  public List<Entry> entries() {
    return entries;
  }

  public List<Problem> problems() {
    return problems;
  }

  public List<Statement> statements() {
    return statements;
  }

  /** The file's line ending: {@code \r\n} when most lines end so, else {@code \n}. */
  public String lineEnding() {
    return lineEnding;
  }

  /** Records only, in file order. */
  public List<Entry> records() {
    return entries.stream().filter(Entry::isRecord).toList();
  }

  /** The largest TTL a record may carry (RFC 2181: 2^31 - 1 seconds). */
  public static final long MAX_TTL = Integer.MAX_VALUE;

  private static final List<String> CLASSES = List.of("IN", "CH", "HS", "CS");
  private static final List<String> BLOCK_OPEN =
      List.of("for", "if", "macro", "call", "filter", "block", "with", "raw", "autoescape");

  private static final dev.mwexp.format.LastParsed<ZoneTemplate> LAST = new dev.mwexp.format.LastParsed<>();

  public static ZoneTemplate read(String text) {
    return LAST.get(text, ZoneTemplate::parse);
  }

  private static ZoneTemplate parse(String text) {
    List<String> lines = new ArrayList<>();
    int crlf = 0;
    int from = 0;
    while (true) {
      int nl = text.indexOf('\n', from);
      if (nl < 0) {
        lines.add(text.substring(from));
        break;
      }
      lines.add(text.substring(from, nl));
      if (nl > from && text.charAt(nl - 1) == '\r') {
        crlf++;
      }
      from = nl + 1;
    }
    return new Reader(lines).read(crlf * 2 > lines.size() - 1 && crlf > 0 ? "\r\n" : "\n");
  }

  /** One pass over the lines. */
  private static final class Reader {
    private final List<String> lines;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Statement> statements = new ArrayList<>();
    private String origin = "";
    private String lastOwner = "";
    private OptionalInt defaultTtl = OptionalInt.empty();
    private int depth;
    private boolean inJinjaComment;

    Reader(List<String> lines) {
      this.lines = lines;
    }

    ZoneTemplate read(String lineEnding) {
      int n = 0;
      while (n < lines.size()) {
        String line = body(n);
        if (inJinjaComment) {
          if (line.contains("#}")) {
            inJinjaComment = false;
          }
          n++;
          continue;
        }
        String stripped = line.strip();
        if (stripped.startsWith("{#")) {
          inJinjaComment = !stripped.contains("#}");
          n++;
          continue;
        }
        if (stripped.startsWith("{%")) {
          statement(n, stripped);
          n++;
          continue;
        }
        n = logicalLine(n);
      }
      if (depth > 0) {
        problems.add(new Problem(lines.size(), 1, "a Jinja block is left open at the end of the template"));
      }
      return new ZoneTemplate(List.copyOf(lines), List.copyOf(entries), List.copyOf(problems),
          List.copyOf(statements), lineEnding);
    }

    /** Line {@code n} without its {@code \r} and, on the first line, a byte-order mark. */
    private String body(int n) {
      String line = lines.get(n);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      return n == 0 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private void statement(int n, String stripped) {
      String inner = stripped.substring(2).replaceFirst("^[-+]", "").strip();
      int end = 0;
      while (end < inner.length() && Character.isLetter(inner.charAt(end))) {
        end++;
      }
      String keyword = inner.substring(0, end);
      if (BLOCK_OPEN.contains(keyword)) {
        depth++;
      } else if (keyword.startsWith("end")) {
        if (depth == 0) {
          problems.add(new Problem(n + 1, 1, "'" + keyword + "' closes no Jinja block"));
        }
        depth = Math.max(0, depth - 1);
      } else if (keyword.equals("set") && !inner.contains("=")) {
        depth++; // a block set: {% set x %}…{% endset %}
      }
      statements.add(new Statement(n + 1, keyword, depth));
    }

    /**
     * Tokenises the entry starting on line {@code n}, following parentheses onto later lines;
     * returns the next line to read.
     */
    private int logicalLine(int n) {
      List<String> words = new ArrayList<>();
      String comment = "";
      int parens = 0;
      int first = n;
      int column = -1;
      boolean ownerBlank = false;
      int openLine = -1;
      int openColumn = -1;
      while (true) {
        String line = body(n);
        int i = 0;
        if (n == first) {
          ownerBlank = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
        }
        StringBuilder word = null;
        while (i < line.length()) {
          char c = line.charAt(i);
          if (c == ';') {
            if (word != null) {
              words.add(word.toString());
              word = null;
            }
            if (n == first && comment.isEmpty()) {
              comment = line.substring(i);
            }
            break;
          }
          if (c == ' ' || c == '\t') {
            if (word != null) {
              words.add(word.toString());
              word = null;
            }
            i++;
            continue;
          }
          if (c == '(' || c == ')') {
            if (word != null) {
              words.add(word.toString());
              word = null;
            }
            if (c == '(') {
              if (parens == 0) {
                openLine = n + 1;
                openColumn = i + 1;
              }
              parens++;
            } else if (parens == 0) {
              problems.add(new Problem(n + 1, i + 1, "')' closes no '('"));
            } else {
              parens--;
            }
            i++;
            continue;
          }
          if (word == null) {
            word = new StringBuilder();
            if (column < 0) {
              column = i + 1;
            }
          }
          if (c == '\\' && i + 1 < line.length()) {
            word.append(c).append(line.charAt(i + 1));
            i += 2;
            continue;
          }
          if (c == '"') {
            int close = closingQuote(line, i + 1);
            if (close < 0) {
              problems.add(new Problem(n + 1, i + 1, "a quoted string is not closed on its line"));
              word.append(line, i, line.length());
              i = line.length();
              continue;
            }
            word.append(line, i, close + 1);
            i = close + 1;
            continue;
          }
          if (c == '{' && i + 1 < line.length() && line.charAt(i + 1) == '{') {
            int close = line.indexOf("}}", i + 2);
            int stop = close < 0 ? line.length() : close + 2;
            word.append(line, i, stop);
            i = stop;
            continue;
          }
          word.append(c);
          i++;
        }
        if (word != null) {
          words.add(word.toString());
        }
        if (parens == 0 || n + 1 >= lines.size()) {
          break;
        }
        n++;
      }
      if (parens > 0) {
        problems.add(new Problem(openLine, openColumn, "'(' is never closed"));
      }
      if (!words.isEmpty()) {
        entry(first, n, Math.max(column, 1), ownerBlank, words, comment);
      }
      return n + 1;
    }

    private static int closingQuote(String line, int from) {
      for (int i = from; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          return i;
        }
      }
      return -1;
    }

    private void entry(int first, int last, int column, boolean ownerBlank, List<String> words, String comment) {
      String head = words.get(0);
      if (!ownerBlank && head.startsWith("$")) {
        String directive = head.toUpperCase(Locale.ROOT);
        List<String> args = words.subList(1, words.size());
        if (directive.equals("$ORIGIN") && !args.isEmpty()) {
          origin = absolute(args.get(0), origin);
        } else if (directive.equals("$TTL") && !args.isEmpty()) {
          defaultTtl = ttl(args.get(0));
        }
        entries.add(new Entry(first + 1, last + 1, column, origin, "", head, "", "", List.copyOf(args),
            OptionalInt.empty(), comment, depth));
        return;
      }
      int i = 0;
      String owner;
      String ownerText;
      if (ownerBlank) {
        owner = lastOwner;
        ownerText = "";
      } else {
        ownerText = head;
        owner = absolute(head, origin);
        i = 1;
      }
      lastOwner = owner;
      String ttlText = "";
      // [TTL] [class] or [class] [TTL], then the type (RFC 1035 5.1).
      for (int k = 0; k < 2 && i < words.size() - 1; k++) {
        String w = words.get(i);
        if (ttlText.isEmpty() && !w.isEmpty() && Character.isDigit(w.charAt(0))) {
          ttlText = w;
          i++;
        } else if (CLASSES.contains(w.toUpperCase(Locale.ROOT))) {
          i++;
        }
      }
      String type = i < words.size() ? words.get(i).toUpperCase(Locale.ROOT) : "";
      List<String> data = i + 1 < words.size() ? List.copyOf(words.subList(i + 1, words.size())) : List.of();
      OptionalInt ttl = ttlText.isEmpty() ? defaultTtl : ttl(ttlText);
      entries.add(new Entry(first + 1, last + 1, column, origin, owner, ownerText, ttlText, type, data, ttl, comment,
          depth));
    }
  }

  /**
   * A TTL as BIND and gdnsd read it: seconds ({@code 300}) or units ({@code 1H}, {@code 1h30m},
   * {@code 2D}, {@code 1W}), at most {@link #MAX_TTL}; gdnsd's {@code ttl/limit} gives its first
   * part. Empty when it is none of these.
   */
  public static OptionalInt ttl(String word) {
    int slash = word.indexOf('/');
    String w = (slash < 0 ? word : word.substring(0, slash)).toUpperCase(Locale.ROOT);
    if (w.isEmpty() || w.length() > 40) {
      return OptionalInt.empty();
    }
    long total = 0;
    long number = -1;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c >= '0' && c <= '9') {
        number = (number < 0 ? 0 : number) * 10 + (c - '0');
        if (number > MAX_TTL) {
          return OptionalInt.empty();
        }
        continue;
      }
      long unit = switch (c) {
        case 'S' -> 1;
        case 'M' -> 60;
        case 'H' -> 3600;
        case 'D' -> 86400;
        case 'W' -> 604800;
        default -> -1;
      };
      if (unit < 0 || number < 0) {
        return OptionalInt.empty();
      }
      total += number * unit;
      number = -1;
      if (total > MAX_TTL) {
        return OptionalInt.empty();
      }
    }
    total += Math.max(0, number);
    return total > MAX_TTL ? OptionalInt.empty() : OptionalInt.of((int) total);
  }

  /** A name made absolute against {@code origin}: lower case, without the trailing dot; {@code @} is the origin. */
  public static String absolute(String name, String origin) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("@")) {
      return origin;
    }
    if (lower.endsWith(".") && !lower.endsWith("\\.")) {
      return lower.substring(0, lower.length() - 1);
    }
    return origin.isEmpty() ? lower : lower + "." + origin;
  }
}
