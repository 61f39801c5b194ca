package dev.mwexp.format.promql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PromQL as far as mwexp needs it: every vector selector of an expression, with its label
 * matchers and where each stands in the text (to judge which series a rule can select, and to
 * extend or add a matcher in place). Everything else — functions, operators, numbers,
 * {@code by}/{@code without}/{@code on}/{@code ignoring} label lists, {@code offset},
 * {@code @}, ranges and subqueries, {@code #} comments — is tokenised and passed over, never
 * judged. One linear pass; no Java PromQL parser keeps positions (the maintained ones are Rust).
 */
public final class PromQl {

  private PromQl() {}

  /** A label matcher: {@code label op "value"}; offsets are into the expression's text. */
  public record Matcher(String label, String op, String value, int start, int valueStart, int end) {

    /** Whether a series whose {@code label} is {@code value} passes this matcher. */
    public boolean admits(String seriesValue) {
      String v = seriesValue == null ? "" : seriesValue;
      return switch (op) {
        case "=" -> value.equals(v);
        case "!=" -> !value.equals(v);
        case "=~" -> fullMatch(value, v);
        default -> !fullMatch(value, v);
      };
    }

    private static boolean fullMatch(String regex, String v) {
      try {
        // Prometheus anchors its regexes; RE2 and Java agree on the patterns rules use.
        return java.util.regex.Pattern.compile(regex).matcher(v).matches();
      } catch (java.util.regex.PatternSyntaxException e) {
        return true; // unreadable: assume it may match, so the rule is looked at
      }
    }
  }

  /**
   * A vector selector: its metric name (empty for {@code {…}} alone), its matchers, and where its
   * braces are ({@code -1} when it has none: {@code up} alone).
   */
  public record Selector(Optional<String> metric, List<Matcher> matchers, int start, int openBrace, int closeBrace) {

    /** The matchers on {@code label}. */
    public List<Matcher> on(String label) {
      return matchers.stream().filter(m -> m.label().equals(label)).toList();
    }
  }

  /** An expression that does not lex: where, and what would be valid there. */
  public static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;

    SyntaxException(int offset, String message) {
      super(message, null, false, false);
      this.offset = offset;
    }

    public int offset() {
      return offset;
    }
  }

  private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
      "offset", "bool", "and", "or", "unless", "atan2", "inf", "nan");
  /** Aggregations are keywords: {@code sum by (job) (…)} has no metric named sum. */
  private static final Set<String> AGGREGATIONS = Set.of("sum", "avg", "count", "min", "max", "stddev", "stdvar",
      "topk", "bottomk", "quantile", "count_values", "group", "limitk", "limit_ratio");
  private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

  /** Every vector selector of {@code expr}, in order. */
  public static List<Selector> selectors(String expr) throws SyntaxException {
    List<Selector> out = new ArrayList<>();
    int i = 0;
    int n = expr.length();
    String previousWord = "";
    while (i < n) {
      char c = expr.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        while (i < n && expr.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"' || c == '\'' || c == '`') {
        i = string(expr, i).end;
        previousWord = "";
      } else if (c == '[') {
        // A range or a subquery: durations, a colon, never a selector.
        int close = expr.indexOf(']', i);
        if (close < 0) {
          throw new SyntaxException(i, "'[' is never closed; a range such as [5m] or a subquery such as [1h:5m]");
        }
        i = close + 1;
      } else if (c == '(' && LABEL_LISTS.contains(previousWord)) {
        // by (a, b): label names, not metrics.
        int close = expr.indexOf(')', i);
        if (close < 0) {
          throw new SyntaxException(i, "'(' after " + previousWord + " is never closed; a label list such as (job, instance)");
        }
        i = close + 1;
        previousWord = "";
      } else if (c == '{') {
        Parsed p = braces(expr, i);
        out.add(new Selector(Optional.empty(), p.matchers, i, i, p.end - 1));
        i = p.end;
        previousWord = "";
      } else if (Character.isLetter(c) || c == '_' || c == ':') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_' || expr.charAt(i) == ':')) {
          i++;
        }
        String word = expr.substring(start, i);
        int j = skipSpace(expr, i);
        boolean call = j < n && expr.charAt(j) == '(';
        if (previousWord.equals("offset") || previousWord.equals("@") || KEYWORDS.contains(word.toLowerCase())
            || AGGREGATIONS.contains(word) || call) {
          previousWord = word.toLowerCase();
          continue;
        }
        if (j < n && expr.charAt(j) == '{') {
          Parsed p = braces(expr, j);
          out.add(new Selector(Optional.of(word), p.matchers, start, j, p.end - 1));
          i = p.end;
        } else {
          out.add(new Selector(Optional.of(word), List.of(), start, -1, -1));
        }
        previousWord = "";
      } else {
        previousWord = c == '@' ? "@" : "";
        i++;
        if (Character.isDigit(c) || c == '.') {
          // A number or a duration (5m, 1h30m, 0x1f, 1e3).
          while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.')) {
            i++;
          }
        }
      }
    }
    return out;
  }

  private record Str(String value, int end) {}

  private record Parsed(List<Matcher> matchers, int end) {}

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** {@code {label op "value", …}}, from the opening brace at {@code at}. */
  private static Parsed braces(String s, int at) throws SyntaxException {
    List<Matcher> matchers = new ArrayList<>();
    int i = skipSpace(s, at + 1);
    while (true) {
      if (i >= s.length()) {
        throw new SyntaxException(at, "'{' is never closed; matchers such as {job=\"mediawiki\"}");
      }
      if (s.charAt(i) == '}') {
        return new Parsed(matchers, i + 1);
      }
      int start = i;
      String label;
      if (s.charAt(i) == '"' || s.charAt(i) == '\'' || s.charAt(i) == '`') {
        // Prometheus 3 allows a quoted name: {"metric.name"} or {"label.x"="v"}.
        Str q = string(s, i);
        label = q.value;
        i = q.end;
      } else {
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
          i++;
        }
        label = s.substring(start, i);
        if (label.isEmpty()) {
          throw new SyntaxException(i, "a label name is expected here, such as job in {job=\"mediawiki\"}");
        }
      }
      i = skipSpace(s, i);
      String op;
      if (s.startsWith("=~", i) || s.startsWith("!~", i) || s.startsWith("!=", i)) {
        op = s.substring(i, i + 2);
        i += 2;
      } else if (i < s.length() && s.charAt(i) == '=') {
        op = "=";
        i++;
      } else if (i < s.length() && (s.charAt(i) == ',' || s.charAt(i) == '}')) {
        // A quoted metric name alone: {"name"}.
        matchers.add(new Matcher("__name__", "=", label, start, start, i));
        i = skipSpace(s, s.charAt(i) == ',' ? i + 1 : i);
        continue;
      } else {
        throw new SyntaxException(i, "a matcher operator is expected after " + label + ": =, !=, =~ or !~");
      }
      i = skipSpace(s, i);
      if (i >= s.length() || (s.charAt(i) != '"' && s.charAt(i) != '\'' && s.charAt(i) != '`')) {
        throw new SyntaxException(i, "a quoted value is expected after " + label + op);
      }
      int valueStart = i;
      Str value = string(s, i);
      matchers.add(new Matcher(label, op, value.value, start, valueStart, value.end));
      i = skipSpace(s, value.end);
      if (i < s.length() && s.charAt(i) == ',') {
        i = skipSpace(s, i + 1);
      }
    }
  }

  /** A string at {@code at}: {@code "…"} and {@code '…'} with Go's escapes, {@code `…`} raw. */
  private static Str string(String s, int at) throws SyntaxException {
    char quote = s.charAt(at);
    StringBuilder v = new StringBuilder();
    int i = at + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == quote) {
        return new Str(v.toString(), i + 1);
      }
      if (c == '\\' && quote != '`' && i + 1 < s.length()) {
        char e = s.charAt(++i);
        switch (e) {
          case 'n' -> v.append('\n');
          case 't' -> v.append('\t');
          case 'r' -> v.append('\r');
          case 'a' -> v.append('\u0007');
          case 'b' -> v.append('\b');
          case 'f' -> v.append('\f');
          case 'v' -> v.append('\u000b');
          case 'x', 'u' -> {
            int digits = e == 'x' ? 2 : 4;
            try {
              v.append((char) Integer.parseInt(s.substring(i + 1, Math.min(i + 1 + digits, s.length())), 16));
            } catch (NumberFormatException bad) {
              throw new SyntaxException(i - 1, "\\" + e + " needs " + digits + " hexadecimal digits");
            }
            i += digits;
          }
          default -> v.append(e); // \\ \" \' and a regex's own escapes kept as written by the string
        }
        i++;
        continue;
      }
      if (c == '\n' && quote != '`') {
        throw new SyntaxException(i, "a string is not closed before the line ends; close it with " + quote);
      }
      v.append(c);
      i++;
    }
    throw new SyntaxException(at, "a string is never closed; close it with " + quote);
  }
}
