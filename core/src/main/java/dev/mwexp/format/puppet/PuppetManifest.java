package dev.mwexp.format.puppet;

import dev.mwexp.fragment.MergeConflict;
import dev.mwexp.format.puppet.PuppetLexer.Kind;
import dev.mwexp.format.puppet.PuppetLexer.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What mwexp reads of a Puppet manifest, from {@link PuppetLexer}'s tokens: node statements
 * (site.pp), resource declarations ({@code file { 'title': attr => value }}) and a class's
 * parameter defaults. Linear in the tokens; what it does not read is skipped by brace depth.
 */
public final class PuppetManifest {

  /** A node statement: lines [first, last], its matchers and the role its body gives ("" when none). */
  public record Node(int first, int last, List<Matcher> matchers, String role) {}

  /** A node matcher: an exact name, a regex (its source), or {@code default}. */
  public record Matcher(String text, boolean regex) {}

  /** A value as written: a literal string or word, or a variable's name; line and kind kept. */
  public record Value(Token token) {
    public boolean isVariable() {
      return token.kind() == Kind.VARIABLE;
    }

    public String text() {
      return token.text();
    }

    public int line() {
      return token.line();
    }
  }

  /** A resource body: its type, title and attributes (only those whose value is one token). */
  public record Resource(String type, Value title, Map<String, Value> attributes, int line) {}

  private final List<Token> tokens;
  private final List<Node> nodes = new ArrayList<>();
  private final List<Resource> resources = new ArrayList<>();
  private final Map<String, Value> parameterDefaults = new LinkedHashMap<>();

  private PuppetManifest(List<Token> tokens) {
    this.tokens = tokens;
  }

  private static final dev.mwexp.format.LastParsed<PuppetManifest> LAST = new dev.mwexp.format.LastParsed<>();

  public static PuppetManifest read(String text) throws MergeConflict {
    return LAST.get(text, t -> {
      PuppetManifest m = new PuppetManifest(PuppetLexer.tokens(t));
      m.scan();
      return m;
    });
  }

  public List<Node> nodes() {
    return java.util.Collections.unmodifiableList(nodes);
  }

  public List<Resource> resources() {
    return java.util.Collections.unmodifiableList(resources);
  }

  /**
   * Each class parameter's default when it is a literal, or the {@code default_value} of a
   * {@code lookup(…)}; parameters without a literal default are absent.
   */
  public Map<String, Value> parameterDefaults() {
    return java.util.Collections.unmodifiableMap(parameterDefaults);
  }

  public Optional<Value> parameterDefault(String name) {
    return Optional.ofNullable(parameterDefaults.get(name));
  }

  private void scan() throws MergeConflict {
    int depth = 0;
    for (int p = 0; p < tokens.size(); p++) {
      Token t = tokens.get(p);
      if (t.is("{")) {
        depth++;
      } else if (t.is("}")) {
        depth = Math.max(0, depth - 1);
      } else if (t.kind() == Kind.WORD && t.text().equals("node") && depth == 0) {
        p = node(p) - 1;
      } else if (t.kind() == Kind.WORD && t.text().equals("class") && depth == 0 && p + 2 < tokens.size()
          && tokens.get(p + 1).kind() == Kind.WORD && tokens.get(p + 2).is("(")) {
        p = parameters(p + 2) - 1;
      } else if (t.kind() == Kind.WORD && p + 1 < tokens.size() && tokens.get(p + 1).is("{") && !isKeyword(t.text())) {
        // type { title: … } ; a '{' right after a word that is not a keyword opens resource bodies.
        int end = resourceBodies(t.text(), p + 1);
        if (end > 0) {
          p = end - 1;
        }
      }
    }
  }

  private static boolean isKeyword(String word) {
    return switch (word) {
      case "if", "elsif", "else", "unless", "case", "class", "define", "node", "default", "function", "plan",
          "inherits", "and", "or", "in", "site", "application" -> true;
      default -> false;
    };
  }

  /** {@code node m1, m2 [inherits x] { … }} from the {@code node} token; returns the token after it. */
  private int node(int p) throws MergeConflict {
    Token start = tokens.get(p);
    List<Matcher> matchers = new ArrayList<>();
    p++;
    while (!tokens.get(p).is("{")) {
      Token t = tokens.get(p);
      switch (t.kind()) {
        case EOF -> throw new MergeConflict(start.line(), "node statement opened here has no body");
        case REGEX -> matchers.add(new Matcher(t.text(), true));
        case STRING -> matchers.add(new Matcher(t.text(), false));
        case WORD -> {
          if (t.text().equals("inherits")) {
            p++;
          } else {
            matchers.add(new Matcher(t.text(), false));
          }
        }
        case NUMBER -> matchers.add(new Matcher(t.text(), false));
        default -> {
          if (!t.is(",")) {
            throw new MergeConflict(t.line(), "unexpected '" + t.text() + "' in the node statement opened on line "
                + start.line());
          }
        }
      }
      p++;
    }
    int open = p;
    int close = matching(open);
    String role = "";
    for (int k = open + 1; k + 3 < close; k++) {
      if (tokens.get(k).is("role") && tokens.get(k + 1).is("(") && tokens.get(k + 3).is(")")
          && (tokens.get(k + 2).kind() == Kind.WORD || tokens.get(k + 2).kind() == Kind.STRING)) {
        role = tokens.get(k + 2).text();
        break;
      }
    }
    nodes.add(new Node(start.line(), tokens.get(close).line(), List.copyOf(matchers), role));
    return close + 1;
  }

  /** The index of the {@code }} closing the {@code {} at {@code open}. */
  private int matching(int open) throws MergeConflict {
    int depth = 0;
    for (int k = open; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.is("{")) {
        depth++;
      } else if (t.is("}") && --depth == 0) {
        return k;
      } else if (t.kind() == Kind.EOF) {
        break;
      }
    }
    throw new MergeConflict(tokens.get(open).line(), "'{' opened here is never closed");
  }

  /** {@code ( Type $name = default, … )}: the literal defaults; returns the token after {@code )}. */
  private int parameters(int open) {
    int depth = 0;
    int k = open;
    for (; k < tokens.size() && tokens.get(k).kind() != Kind.EOF; k++) {
      Token t = tokens.get(k);
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        if (--depth == 0) {
          return k + 1;
        }
      } else if (depth == 1 && t.kind() == Kind.VARIABLE && tokens.get(k + 1).is("=")) {
        defaultOf(t.text(), k + 2);
      }
    }
    return k;
  }

  /** A literal default, or {@code lookup('key', {'default_value' => literal})}'s. */
  private void defaultOf(String name, int k) {
    Token v = tokens.get(k);
    if (v.kind() == Kind.STRING || v.kind() == Kind.NUMBER || (v.kind() == Kind.WORD && !v.text().equals("lookup"))) {
      if (isEndOfParameter(k + 1)) {
        parameterDefaults.put(name, new Value(v));
      }
      return;
    }
    if (!v.is("lookup") || !tokens.get(k + 1).is("(")) {
      return;
    }
    int depth = 0;
    for (int j = k + 1; j < tokens.size(); j++) {
      Token t = tokens.get(j);
      if (t.is("(") || t.is("{") || t.is("[")) {
        depth++;
      } else if (t.is(")") || t.is("}") || t.is("]")) {
        if (--depth == 0) {
          return;
        }
      } else if (t.kind() == Kind.STRING && t.text().equals("default_value") && tokens.get(j + 1).is("=>")) {
        Token d = tokens.get(j + 2);
        if (d.kind() == Kind.STRING || d.kind() == Kind.NUMBER || d.kind() == Kind.WORD) {
          parameterDefaults.put(name, new Value(d));
        }
        return;
      } else if (t.kind() == Kind.EOF) {
        return;
      }
    }
  }

  private boolean isEndOfParameter(int k) {
    Token t = tokens.get(k);
    return t.is(",") || t.is(")");
  }

  /**
   * {@code type { title: attr => value, … ; title2: … }} from the {@code {}; returns the token
   * after the closing brace, or -1 when it is no resource declaration.
   */
  private int resourceBodies(String type, int open) throws MergeConflict {
    int close = matching(open);
    int k = open + 1;
    while (k < close) {
      Token title = tokens.get(k);
      if (k + 1 >= close || !tokens.get(k + 1).is(":")) {
        return k == open + 1 ? -1 : close + 1;
      }
      Map<String, Value> attributes = new LinkedHashMap<>();
      k += 2;
      while (k < close && !tokens.get(k).is(";")) {
        Token name = tokens.get(k);
        if (name.kind() == Kind.WORD && k + 2 < close && (tokens.get(k + 1).is("=>") || tokens.get(k + 1).is("+>"))) {
          int valueEnd = valueEnd(k + 2, close);
          if (valueEnd == k + 3) {
            attributes.put(name.text(), new Value(tokens.get(k + 2)));
          }
          k = valueEnd;
          if (k < close && tokens.get(k).is(",")) {
            k++;
          }
        } else {
          k++;
        }
      }
      resources.add(new Resource(type, new Value(title), java.util.Collections.unmodifiableMap(attributes), title.line()));
      k++;
    }
    return close + 1;
  }

  /** The index after a value starting at {@code k}: up to a ',' or ';' at its own depth. */
  private int valueEnd(int k, int limit) {
    int depth = 0;
    for (; k < limit; k++) {
      Token t = tokens.get(k);
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        depth--;
      } else if (depth == 0 && (t.is(",") || t.is(";"))) {
        return k;
      }
    }
    return limit;
  }
}
