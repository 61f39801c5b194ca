package dev.mwexp.hiera;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import dev.mwexp.format.puppet.PuppetLexer;
import dev.mwexp.format.puppet.PuppetLexer.Token;
import dev.mwexp.fragment.MergeConflict;
import java.util.List;

/**
 * The signature of a Puppet defined type, class or type alias, in one normalised line: its
 * parameters' types, names and defaults (or the alias's type), comments and layout dropped, read
 * through the project's one Puppet tokenizer. Two
 * files with the same signature accept the same declarations, which is what the stubs must share
 * with the real modules. Run as a program, it prints the signatures of the files it is given (how
 * {@code puppet-stubs/SIGNATURES} was made from a real checkout).
 */
final class PuppetSignatures {

  private PuppetSignatures() {}

  static String of(String text) {
    List<Token> tokens;
    try {
      tokens = PuppetLexer.tokens(text);
    } catch (MergeConflict e) {
      throw new IllegalArgumentException("not Puppet: " + e.getMessage(), e);
    }
    int at = 0;
    while (!(tokens.get(at).is("define") || tokens.get(at).is("class") || tokens.get(at).is("type"))) {
      if (tokens.get(at).kind() == PuppetLexer.Kind.EOF) {
        throw new IllegalArgumentException("no define, class or type in the file");
      }
      at++;
    }
    String keyword = tokens.get(at).text();
    if (keyword.equals("type")) {
      int eq = at;
      while (!tokens.get(eq).is("=")) {
        eq++;
      }
      return "type " + source(text, tokens, at + 1, eq) + " = " + source(text, tokens, eq + 1, tokens.size() - 1);
    }
    int open = at + 1;
    while (!tokens.get(open).is("(") && !tokens.get(open).is("{")) {
      open++;
    }
    String name = source(text, tokens, at + 1, open);
    if (tokens.get(open).is("{")) {
      return keyword + " " + name + "()";
    }
    // The parameters: split at the commas between the list's own parentheses.
    List<String> params = new ArrayList<>();
    int depth = 0;
    int start = open + 1;
    for (int i = open + 1; ; i++) {
      Token t = tokens.get(i);
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if ((t.is(")") || t.is("]") || t.is("}")) && depth > 0) {
        depth--;
      } else if (depth == 0 && (t.is(",") || t.is(")"))) {
        if (i > start) {
          params.add(source(text, tokens, start, i));
        }
        start = i + 1;
        if (t.is(")")) {
          break;
        }
      }
    }
    return keyword + " " + name + "(" + String.join(", ", params) + ")";
  }

  /**
   * Tokens {@code [from, to)} as written, with one space wherever the text had blanks or a comment
   * between two of them: layout and comments drop out, everything else stays.
   */
  private static String source(String text, List<Token> tokens, int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      if (i > from && t.start() > tokens.get(i - 1).end()) {
        out.append(' ');
      }
      out.append(text, t.start(), t.end());
    }
    return normalise(out.toString());
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
