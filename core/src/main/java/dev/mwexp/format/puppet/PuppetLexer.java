package dev.mwexp.format.puppet;

import dev.mwexp.fragment.MergeConflict;
import java.util.ArrayList;
import java.util.List;

/**
 * The one tokenizer of Puppet manifests (site.pp, the profile class), in one linear pass:
 * {@code #} and {@code /* *}{@code /} comments, single- and double-quoted strings with their
 * escapes, heredocs ({@code @(TAG)} … {@code | TAG}), regex literals where an operand may start,
 * variables, bare words and operators. Everything else reads tokens, never text.
 */
public final class PuppetLexer {

  /** What a token is. */
  public enum Kind { WORD, VARIABLE, STRING, REGEX, NUMBER, SYMBOL, EOF }

  /**
   * A token at a 1-based line; {@code text} is a string's value (escapes resolved for {@code '},
   * kept for {@code "}), a regex's source, a variable's name without {@code $}.
   */
  public record Token(Kind kind, String text, int line, int start, int end) {
    public boolean is(String symbolOrWord) {
      return (kind == Kind.SYMBOL || kind == Kind.WORD) && text.equals(symbolOrWord);
    }
  }

  private static final List<String> OPERATORS = List.of("<<|", "|>>", "=>", "+>", "->", "~>", "<-", "<~", "==", "!=",
      "=~", "!~", "<=", ">=", "<|", "|>", "<<", ">>", "::");

  private final String s;
  private int i;
  private int line = 1;
  private final List<Token> out = new ArrayList<>();
  /** Heredoc end tags waiting for the end of the current line. */
  private final List<String> pendingHeredocs = new ArrayList<>();

  private PuppetLexer(String s) {
    this.s = s;
  }

  public static List<Token> tokens(String text) throws MergeConflict {
    return new PuppetLexer(text).run();
  }

  private List<Token> run() throws MergeConflict {
    while (true) {
      skipBlank();
      if (i >= s.length()) {
        out.add(new Token(Kind.EOF, "", line, i, i));
        return out;
      }
      char c = s.charAt(i);
      int from = i;
      int at = line;
      if (c == '\'' || c == '"') {
        out.add(new Token(Kind.STRING, string(c), at, from, i));
      } else if (c == '/' && operandMayStart()) {
        out.add(new Token(Kind.REGEX, regex(), at, from, i));
      } else if (c == '@' && s.startsWith("@(", i)) {
        heredoc();
        out.add(new Token(Kind.STRING, "", at, from, i));
      } else if (c == '$') {
        i++;
        int k = i;
        // $name, $::top, $a::b: a single ':' after the name is a title's colon, not the name's.
        while (k < s.length() && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_'
            || (s.startsWith("::", k) && k + 2 < s.length() && (Character.isLetter(s.charAt(k + 2)) || s.charAt(k + 2) == '_')))) {
          k += s.charAt(k) == ':' ? 2 : 1;
        }
        out.add(new Token(Kind.VARIABLE, s.substring(i, k), at, from, k));
        i = k;
      } else if (Character.isDigit(c)) {
        int k = i;
        while (k < s.length() && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '.')) {
          k++;
        }
        out.add(new Token(Kind.NUMBER, s.substring(i, k), at, from, k));
        i = k;
      } else if (Character.isLetter(c) || c == '_' || (c == ':' && s.startsWith("::", i) && i + 2 < s.length()
          && Character.isLetter(s.charAt(i + 2)))) {
        int k = i;
        while (k < s.length() && (Character.isLetterOrDigit(s.charAt(k)) || "_:.-".indexOf(s.charAt(k)) >= 0)) {
          k++;
        }
        // A word never ends in '.', '-' or ':' (those belong to what follows).
        while (k > i + 1 && ".-:".indexOf(s.charAt(k - 1)) >= 0) {
          k--;
        }
        out.add(new Token(Kind.WORD, s.substring(i, k), at, from, k));
        i = k;
      } else {
        String op = String.valueOf(c);
        for (String o : OPERATORS) {
          if (s.startsWith(o, i)) {
            op = o;
            break;
          }
        }
        i += op.length();
        out.add(new Token(Kind.SYMBOL, op, at, from, i));
      }
    }
  }

  /** Whether a {@code /} here starts a regex rather than dividing: no operand stands before it. */
  private boolean operandMayStart() {
    if (out.isEmpty()) {
      return true;
    }
    Token p = out.get(out.size() - 1);
    return switch (p.kind) {
      case NUMBER, VARIABLE, STRING, REGEX -> false;
      case WORD -> p.text.equals("node") || p.text.equals("and") || p.text.equals("or") || p.text.equals("in");
      case SYMBOL -> !p.text.equals(")") && !p.text.equals("]");
      default -> true;
    };
  }

  private String regex() throws MergeConflict {
    int start = line;
    StringBuilder b = new StringBuilder();
    i++;
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '\n') {
        break;
      }
      if (c == '\\' && i < s.length()) {
        b.append(c).append(s.charAt(i++));
      } else if (c == '/') {
        return b.toString();
      } else {
        b.append(c);
      }
    }
    throw new MergeConflict(start, "a regex opened here is not closed on its line");
  }

  /** A quoted string's value, the lexer past its closing quote. */
  private String string(char quote) throws MergeConflict {
    int start = line;
    StringBuilder b = new StringBuilder();
    i++;
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '\n') {
        line++;
      }
      if (c == quote) {
        return b.toString();
      }
      if (c == '\\' && i < s.length()) {
        char e = s.charAt(i++);
        if (e == '\n') {
          line++;
        }
        // Single quotes resolve only \' and \\; double quotes keep their escapes as written.
        b.append(quote == '\'' && (e == '\'' || e == '\\') ? String.valueOf(e) : "\\" + e);
      } else {
        b.append(c);
      }
    }
    throw new MergeConflict(start, "a string opened here is never closed");
  }

  /** {@code @(TAG)}, {@code @("TAG"/L)}: its body starts on the next line and ends at the TAG line. */
  private void heredoc() throws MergeConflict {
    int close = s.indexOf(')', i);
    int eol = s.indexOf('\n', i);
    if (close < 0 || (eol >= 0 && close > eol)) {
      throw new MergeConflict(line, "a heredoc's @( is not closed on its line");
    }
    String spec = s.substring(i + 2, close);
    int colon = spec.indexOf(':');
    int slash = spec.indexOf('/');
    int endTag = colon >= 0 ? colon : slash >= 0 ? slash : spec.length();
    pendingHeredocs.add(spec.substring(0, endTag).strip().replace("\"", ""));
    i = close + 1;
  }

  /** At a newline with heredocs pending: skips their bodies, each to its end-tag line. */
  private void skipHeredocBodies() throws MergeConflict {
    for (String tag : pendingHeredocs) {
      int start = line;
      while (true) {
        if (i >= s.length()) {
          throw new MergeConflict(start, "the heredoc " + tag + " is never ended");
        }
        int eol = s.indexOf('\n', i);
        int end = eol < 0 ? s.length() : eol;
        String body = s.substring(i, end).strip();
        if (body.startsWith("|")) {
          body = body.substring(1).strip();
        }
        if (body.startsWith("-")) {
          body = body.substring(1).strip();
        }
        i = eol < 0 ? s.length() : eol + 1;
        line++;
        if (body.equals(tag)) {
          break;
        }
      }
    }
    pendingHeredocs.clear();
  }

  private void skipBlank() throws MergeConflict {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        i++;
        if (!pendingHeredocs.isEmpty()) {
          skipHeredocBodies();
        }
      } else if (Character.isWhitespace(c) || c == '\uFEFF') {
        i++;
      } else if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        int stop = end < 0 ? s.length() : end + 2;
        for (int k = i; k < stop; k++) {
          if (s.charAt(k) == '\n') {
            line++;
          }
        }
        i = stop;
      } else {
        return;
      }
    }
  }
}
