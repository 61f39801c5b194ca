package dev.mwexp.format.alerts;

import dev.mwexp.files.TreeException;
import dev.mwexp.format.promql.PromQl;
import dev.mwexp.format.yaml.ScalarText;
import dev.mwexp.fragment.Merge;
import dev.mwexp.fragment.MergeConflict;
import dev.mwexp.model.SeriesFamily;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * mw-experimental's part of an operations/alerts rule file: the matchers that keep its series out
 * of every alerting rule that could select them. For each such selector it extends a negative
 * regex on the family's label ({@code deployment!~"a|b"} gains {@code |mw-experimental}), or else
 * adds {@code label!="value"} after the selector's last matcher, in the selector's own quoting and
 * spacing and the scalar's own YAML style. Rules that already exclude it, or cannot select it, and
 * every other byte, stay as they are; a second run finds nothing to do.
 *
 * <p>It applies to every rule file of the repository (the fragment's {@code team-*} directories,
 * {@link #files}, {@link #wants}); a file it cannot read is left as it is (check reports it).
 */
public record AlertExclusions(List<SeriesFamily> families) implements Merge.Sweep {

  public AlertExclusions {
    families = List.copyOf(families);
  }

  @Override
  public String seed() {
    return "";
  }

  @Override
  public String files() {
    return "*.yaml";
  }

  @Override
  public boolean wants(String name, String text) {
    return RuleFile.isRuleFile(name);
  }

  @Override
  public Optional<String> apply(Optional<String> existing) throws MergeConflict {
    if (existing.isEmpty()) {
      return existing;
    }
    try {
      return Optional.of(exclude("", existing.get(), families));
    } catch (TreeException e) {
      return existing; // not ours to judge: a file mwexp cannot read is left exactly as it is
    }
  }

  /** {@code text} with every exposure of the families excluded. */
  public static String exclude(String name, String text, List<SeriesFamily> families) throws TreeException {
    RuleFile file = RuleFile.read(name, text);
    String separator = separator(text);
    // By offset in the text, so an anchored expression merged into several rules is edited once.
    TreeMap<Integer, String> inserts = new TreeMap<>();
    for (Exposures.Exposure e : Exposures.judge(file, families).exposures()) {
      Optional<ScalarText> where = e.rule().exprText();
      if (where.isEmpty()) {
        continue;
      }
      Insert insert = insert(e.rule().exprValue(), e.selector(), e.family(), separator);
      int at = insert.after() ? where.get().after(insert.index()) : where.get().at(insert.index());
      inserts.merge(at, where.get().encode(insert.text()), (a, b) -> a.equals(b) ? a : a + b);
    }
    // One pass from the start: each insert appended once, not moving the text after it.
    StringBuilder out = new StringBuilder(text.length() + inserts.values().stream().mapToInt(String::length).sum());
    int at = 0;
    for (var e : inserts.entrySet()) {
      out.append(text, at, e.getKey()).append(e.getValue());
      at = e.getKey();
    }
    return out.append(text, at, text.length()).toString();
  }

  /** Text to insert just before (or after) the expression's character {@code index}. */
  record Insert(int index, boolean after, String text) {}

  private static final java.util.regex.Pattern SEPARATOR = java.util.regex.Pattern.compile("[\"'`],( ?)[a-zA-Z_]");

  /**
   * How the file separates matchers ({@code ", "} or {@code ","}): as most of its selectors do,
   * Prometheus' own {@code ", "} when it has none.
   */
  static String separator(String text) {
    int spaced = 0;
    int tight = 0;
    java.util.regex.Matcher m = SEPARATOR.matcher(text);
    while (m.find()) {
      if (m.group(1).isEmpty()) {
        tight++;
      } else {
        spaced++;
      }
    }
    return tight > spaced ? "," : ", ";
  }

  static Insert insert(String expr, PromQl.Selector selector, SeriesFamily family, String fileSeparator) {
    String label = family.excludeBy();
    String value = family.excludedValue();
    for (PromQl.Matcher m : selector.on(label)) {
      if (m.op().equals("!~")) {
        // Before the closing quote: alternation binds loosest, so "a|b" + "|v" adds one branch.
        return new Insert(m.end() - 1, false, "|" + value);
      }
    }
    if (selector.closeBrace() < 0) {
      // A bare metric name: give it braces.
      return new Insert(selector.start() + selector.metric().orElseThrow().length() - 1, true,
          "{" + label + "!=\"" + value + "\"}");
    }
    List<PromQl.Matcher> matchers = selector.matchers();
    if (matchers.isEmpty()) {
      return new Insert(selector.openBrace(), true, label + "!=\"" + value + "\"");
    }
    PromQl.Matcher last = matchers.get(matchers.size() - 1);
    String braces = expr.substring(selector.openBrace(), selector.closeBrace());
    // The selector's own separator when it has one, else the file's.
    String separator = matchers.size() < 2 ? fileSeparator : braces.contains(", ") ? ", " : ",";
    char quote = expr.charAt(last.end() - 1) == '\'' ? '\'' : '"';
    return new Insert(last.end() - 1, true, separator + label + "!=" + quote + value + quote);
  }
}
