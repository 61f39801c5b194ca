package dev.mwexp.format.sitepp;

import dev.mwexp.format.MergeConflict;
import dev.mwexp.fragment.Globs;
import dev.mwexp.fragment.Merge.NodeStanzas;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one reader and editor of {@code manifests/site.pp}'s node statements. It tokenises the
 * Puppet text in one pass (comments, quoted strings with escapes, regex literals, braces), so a
 * node statement is found in any layout: indented, with its {@code {} on the next line, with
 * several matchers, exact names ({@code node 'host.eqiad.wmnet'}) or regexes.
 *
 * <p>A host's node is chosen as Puppet chooses it: an exact name (the FQDN, then its shorter
 * prefixes) wins over a regex, which wins over {@code default}. Sync adds a stanza
 * {@code node /^host\.dc\./ { role(x) }} only where no node names the host; a node that names it
 * with another role is a conflict at its line; only mwexp's own single-host stanzas of hosts it
 * no longer has are removed. Every other byte stays as written.
 */
public final class SitePp {

  private SitePp() {}

  /** A node statement: lines [first, last] (1-based), its matchers and the role its body gives. */
  public record Node(int first, int last, List<Matcher> matchers, String role) {}

  /** A node matcher: an exact name, a regex (its source, without slashes), or {@code default}. */
  public record Matcher(String text, boolean regex) {

    boolean isDefault() {
      return !regex && text.equals("default");
    }

    /** Whether Puppet picks this matcher for {@code fqdn}, and how strongly: 3 exact, 2 regex, 1 default, 0 no. */
    int strength(String fqdn) {
      if (isDefault()) {
        return 1;
      }
      if (!regex) {
        String name = text.toLowerCase(Locale.ROOT);
        // Puppet tries the certname and then each shorter dotted prefix of it.
        for (String candidate = fqdn; ; candidate = candidate.substring(0, candidate.lastIndexOf('.'))) {
          if (candidate.equals(name)) {
            return 3;
          }
          if (candidate.indexOf('.') < 0) {
            return 0;
          }
        }
      }
      try {
        return java.util.regex.Pattern.compile(text).matcher(fqdn).find() ? 2 : 0;
      } catch (java.util.regex.PatternSyntaxException e) {
        return 0; // a Ruby-only construct: not a regex mwexp can evaluate, so not one of its hosts' nodes
      }
    }
  }

  /** A single-host stanza: lines [first, last] (1-based), the host's short name, datacenter and role. */
  public record Stanza(int first, int last, String host, String datacenter, String role) {}

  /** Every node statement of the file, in order. */
  public static List<Node> nodes(String text) throws MergeConflict {
    return new Reader(text).nodes();
  }

  /**
   * The nodes that name one host: a regex {@code /^host\.dc\./} (anchored, as mwexp writes them) or
   * an exact name {@code host.dc.wmnet}. Where both name a host, the exact name comes last, as it
   * wins in Puppet.
   */
  public static List<Stanza> stanzas(String text) throws MergeConflict {
    List<Stanza> regexes = new ArrayList<>();
    List<Stanza> exact = new ArrayList<>();
    for (Node n : nodes(text)) {
      if (n.matchers().size() != 1) {
        continue;
      }
      Matcher m = n.matchers().get(0);
      Optional<String[]> host = m.regex() ? singleHostRegex(m.text()) : exactName(m.text());
      host.ifPresent(h -> (m.regex() ? regexes : exact).add(new Stanza(n.first(), n.last(), h[0], h[1], n.role())));
    }
    regexes.addAll(exact);
    return regexes;
  }

  /** {@code ^host\.dc\.} (anything after) as {host, dc}. */
  private static Optional<String[]> singleHostRegex(String regex) {
    if (!regex.startsWith("^")) {
      return Optional.empty();
    }
    String[] parts = regex.substring(1).split("\\\\\\.", -1);
    if (parts.length < 3 || !parts[0].matches("[a-z0-9-]+") || !parts[1].matches("[a-z0-9-]+")) {
      return Optional.empty();
    }
    return Optional.of(new String[] {parts[0], parts[1]});
  }

  private static Optional<String[]> exactName(String name) {
    String[] labels = name.toLowerCase(Locale.ROOT).split("\\.");
    return labels.length >= 3 ? Optional.of(new String[] {labels[0], labels[1]}) : Optional.empty();
  }

  public static String apply(String text, NodeStanzas merge) throws MergeConflict {
    List<Node> nodes = nodes(text);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    String cr = text.contains("\r\n") ? "\r" : "";
    List<Stanza> own = new ArrayList<>();
    for (Stanza s : stanzas(text)) {
      Node n = nodes.stream().filter(x -> x.first() == s.first()).findFirst().orElseThrow();
      if (n.matchers().get(0).regex()) {
        own.add(s);
      }
    }
    List<int[]> removals = new ArrayList<>();
    TreeMap<Integer, List<String>> inserts = new TreeMap<>();
    for (Map.Entry<String, String> want : merge.hosts().entrySet()) {
      String fqdn = want.getKey() + "." + want.getValue() + ".wmnet";
      Node chosen = null;
      int best = 1;
      for (Node n : nodes) {
        for (Matcher m : n.matchers()) {
          if (m.strength(fqdn) > best) {
            best = m.strength(fqdn);
            chosen = n;
          }
        }
      }
      if (chosen != null) {
        if (!chosen.role().equals(merge.role())) {
          throw new MergeConflict(chosen.first(), "the node statement Puppet picks for " + fqdn + " gives "
              + (chosen.role().isEmpty() ? "no role" : "role(" + chosen.role() + ")")
              + (best == 3 ? " (an exact name, which wins over any regex)" : "") + "; mwexp writes role("
              + merge.role() + ") for it; fix or remove that node by hand");
        }
        continue;
      }
      // Before the first own stanza sorting after it, else after the last one, else at the end.
      Stanza next = own.stream().filter(s -> s.host().compareTo(want.getKey()) > 0).findFirst().orElse(null);
      List<String> stanza = List.of("node /^" + want.getKey() + "\\." + want.getValue() + "\\./ {" + cr,
          "    role(" + merge.role() + ")" + cr, "}" + cr);
      if (next != null) {
        List<String> block = new ArrayList<>(stanza);
        block.add(cr);
        inserts.computeIfAbsent(next.first() - 1, k -> new ArrayList<>()).addAll(block);
      } else {
        int at = own.isEmpty() ? trailingEnd(lines) : own.get(own.size() - 1).last();
        List<String> block = new ArrayList<>();
        block.add(cr);
        block.addAll(stanza);
        inserts.computeIfAbsent(at, k -> new ArrayList<>()).addAll(block);
      }
    }
    for (Stanza s : own) {
      if (!merge.hosts().containsKey(s.host()) && Globs.matchesAny(merge.ownedGlobs(), s.host())
          && s.role().equals(merge.role())) {
        int last = s.last();
        // The blank line that separated it from the next stanza goes with it.
        if (last < lines.size() && lines.get(last).isBlank() && last + 1 < lines.size()) {
          last++;
        }
        removals.add(new int[] {s.first() - 1, last});
      }
    }
    // Bottom up: removals and inserts at descending line indexes.
    TreeMap<Integer, Runnable> ops = new TreeMap<>(java.util.Comparator.reverseOrder());
    for (int[] r : removals) {
      ops.put(r[0] * 2 + 1, () -> lines.subList(r[0], r[1]).clear());
    }
    inserts.forEach((at, block) -> ops.put(at * 2, () -> lines.addAll(at, block)));
    ops.values().forEach(Runnable::run);
    return String.join("\n", lines);
  }

  /** Where text ends before its trailing blank lines. */
  private static int trailingEnd(List<String> lines) {
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).isBlank()) {
      end--;
    }
    return end;
  }

  /** One pass over the text: node statements at the top level, with their bodies' brace depth. */
  private static final class Reader {
    private final String s;
    private int i;
    private int line = 1;

    Reader(String s) {
      this.s = s;
    }

    List<Node> nodes() throws MergeConflict {
      List<Node> out = new ArrayList<>();
      int depth = 0;
      while (true) {
        skipBlank();
        if (i >= s.length()) {
          return out;
        }
        char c = s.charAt(i);
        if (c == '{') {
          depth++;
          i++;
        } else if (c == '}') {
          depth = Math.max(0, depth - 1);
          i++;
        } else if (c == '\'' || c == '"') {
          string(c);
        } else if (c == '/' && afterMatchOperator()) {
          i = regexEnd(i + 1) + 1;
        } else if (depth == 0 && word().equals("node")) {
          out.add(node());
        } else {
          i += Math.max(1, word().length());
        }
      }
    }

    /** Whether a {@code /} at {@code i} opens a regex: it follows {@code =~} or {@code !~}. */
    private boolean afterMatchOperator() {
      int k = i - 1;
      while (k >= 0 && Character.isWhitespace(s.charAt(k))) {
        k--;
      }
      return k >= 1 && s.charAt(k) == '~' && (s.charAt(k - 1) == '=' || s.charAt(k - 1) == '!');
    }

    /** {@code node m1, m2 [inherits x] { body }}, the reader at {@code node}. */
    private Node node() throws MergeConflict {
      int first = line;
      i += 4;
      List<Matcher> matchers = new ArrayList<>();
      while (true) {
        skipBlank();
        if (i >= s.length()) {
          throw new MergeConflict(first, "node statement opened here has no body");
        }
        char c = s.charAt(i);
        if (c == '/') {
          int start = i + 1;
          int end = regexEnd(start);
          matchers.add(new Matcher(s.substring(start, end), true));
          i = end + 1;
        } else if (c == '\'' || c == '"') {
          matchers.add(new Matcher(string(c), false));
        } else if (c == '{') {
          break;
        } else if (c == ',') {
          i++;
          continue;
        } else {
          String w = word();
          if (w.isEmpty()) {
            throw new MergeConflict(line, "unexpected '" + c + "' in the node statement opened on line " + first);
          }
          i += w.length();
          if (w.equals("inherits")) {
            skipBlank();
            i += word().length();
          } else {
            matchers.add(new Matcher(w, false));
          }
          continue;
        }
      }
      // The body, to its matching brace; the role it names.
      int open = line;
      i++;
      int depth = 1;
      StringBuilder code = new StringBuilder();
      while (depth > 0) {
        skipBlank();
        if (i >= s.length()) {
          throw new MergeConflict(open, "node statement opened here is never closed");
        }
        char c = s.charAt(i);
        if (c == '{') {
          depth++;
          i++;
        } else if (c == '}') {
          depth--;
          i++;
        } else if (c == '\'' || c == '"') {
          code.append('\'').append(string(c)).append('\'');
        } else if (c == '/' && afterMatchOperator()) {
          i = regexEnd(i + 1) + 1;
        } else {
          code.append(c);
          i++;
        }
      }
      return new Node(first, line, List.copyOf(matchers), role(code.toString()));
    }

    /** The argument of {@code role(x)} in a body's code (strings quoted with ', comments gone). */
    private static String role(String code) {
      String flat = code.replaceAll("\\s+", "");
      int at = flat.indexOf("role(");
      if (at < 0 || (at > 0 && (Character.isLetterOrDigit(flat.charAt(at - 1)) || flat.charAt(at - 1) == '_'))) {
        return "";
      }
      int close = flat.indexOf(')', at);
      return close < 0 ? "" : flat.substring(at + 5, close).replace("'", "");
    }

    private int regexEnd(int from) throws MergeConflict {
      for (int k = from; k < s.length(); k++) {
        char c = s.charAt(k);
        if (c == '\\') {
          k++;
        } else if (c == '/') {
          return k;
        } else if (c == '\n') {
          break;
        }
      }
      throw new MergeConflict(line, "a node regex is not closed on its line");
    }

    /** A quoted string's value, the reader past its closing quote. */
    private String string(char quote) throws MergeConflict {
      int start = line;
      StringBuilder out = new StringBuilder();
      i++;
      while (i < s.length()) {
        char c = s.charAt(i++);
        if (c == '\n') {
          line++;
        }
        if (c == quote) {
          return out.toString();
        }
        if (c == '\\' && i < s.length()) {
          char e = s.charAt(i++);
          if (e == '\n') {
            line++;
          }
          out.append(e == quote || e == '\\' ? String.valueOf(e) : "\\" + e);
        } else {
          out.append(c);
        }
      }
      throw new MergeConflict(start, "a string opened here is never closed");
    }

    private String word() {
      int k = i;
      while (k < s.length() && (Character.isLetterOrDigit(s.charAt(k)) || "_:.-$".indexOf(s.charAt(k)) >= 0)) {
        k++;
      }
      return s.substring(i, k);
    }

    private void skipBlank() {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '\n') {
          line++;
          i++;
        } else if (Character.isWhitespace(c)) {
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
}
