package dev.mwexp.hiera;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The signature of a Puppet defined type, class or type alias, in one normalised line: its
 * parameters' types, names and defaults (or the alias's type), comments and layout dropped. Two
 * files with the same signature accept the same declarations, which is what the stubs must share
 * with the real modules. Run as a program, it prints the signatures of the files it is given (how
 * {@code puppet-stubs/SIGNATURES} was made from a real checkout).
 */
final class PuppetSignatures {

  private PuppetSignatures() {}

  static String of(String text) {
    String code = stripComments(text);
    int at = firstDeclaration(code);
    if (at < 0) {
      throw new IllegalArgumentException("no define, class or type in the file");
    }
    if (code.startsWith("type ", at)) {
      int eq = code.indexOf('=', at);
      return "type " + normalise(code.substring(at + 5, eq)) + " = " + normalise(code.substring(eq + 1));
    }
    String keyword = code.startsWith("define", at) ? "define" : "class";
    int open = code.indexOf('(', at);
    int brace = code.indexOf('{', at);
    String name = normalise(code.substring(at + keyword.length(), open >= 0 && open < brace ? open : brace));
    if (open < 0 || open > brace) {
      return keyword + " " + name + "()";
    }
    int close = matching(code, open);
    List<String> params = new ArrayList<>();
    for (String p : splitTopLevel(code.substring(open + 1, close))) {
      if (!p.isBlank()) {
        params.add(normalise(p));
      }
    }
    return keyword + " " + name + "(" + String.join(", ", params) + ")";
  }

  /** Where the first declaration's keyword starts, at the start of a line. */
  private static int firstDeclaration(String code) {
    String lines = "\n" + code;
    int best = -1;
    for (String k : List.of("define ", "define(", "class ", "type ")) {
      int i = lines.indexOf("\n" + k);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }

  /** Drops {@code #} comments outside strings and regexes. */
  private static String stripComments(String text) {
    StringBuilder out = new StringBuilder();
    char quote = 0;
    char previous = '\n';
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        out.append(c);
        if (c == '\\' && i + 1 < text.length()) {
          out.append(text.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        out.append(c);
      } else if (c == '/' && (previous == '[' || previous == ',' || previous == '~' || previous == '(')) {
        quote = '/'; // a regex: Pattern[/…/], =~ /…/
        out.append(c);
      } else if (c == '#') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
        out.append('\n');
      } else {
        out.append(c);
      }
      if (!Character.isWhitespace(c)) {
        previous = c;
      }
    }
    return out.toString();
  }

  private static int matching(String code, int open) {
    int depth = 0;
    char quote = 0;
    for (int i = open; i < code.length(); i++) {
      char c = code.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        if (--depth == 0) {
          return i;
        }
      }
    }
    throw new IllegalArgumentException("unbalanced parameter list");
  }

  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '/' && i > 0 && s.charAt(i - 1) == '[') {
        quote = '/';
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  /** Whitespace collapsed, none inside brackets' edges or before commas, no trailing comma. */
  static String normalise(String s) {
    String out = s.strip().replaceAll("\\s+", " ")
        .replaceAll("([\\[({]) ", "$1")
        .replaceAll(" ([\\])}])", "$1")
        .replaceAll(",([\\])}])", "$1")
        .replaceAll(", ?([\\])}])", "$1")
        .replaceAll(" ,", ",");
    return out.endsWith(",") ? out.substring(0, out.length() - 1).strip() : out;
  }

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    for (int i = 1; i < args.length; i++) {
      System.out.println(args[i] + "\t" + of(Files.readString(root.resolve(args[i]))));
    }
  }
}
