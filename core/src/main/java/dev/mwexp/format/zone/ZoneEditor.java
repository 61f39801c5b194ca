package dev.mwexp.format.zone;

import dev.mwexp.format.MergeConflict;
import dev.mwexp.fragment.Merge.ZoneRecords;
import dev.mwexp.fragment.Merge.ZoneTarget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts one CNAME of a given relative name into each wanted {@code $ORIGIN} section of a zone
 * template (Wikimedia's {@code templates/wmnet}: sections, SOA, NS and Jinja around them), laid out
 * like a neighbouring record, and removes that name's CNAMEs from other sections. Other lines are
 * never touched.
 */
public final class ZoneEditor {

  private ZoneEditor() {}

  /** A line of the template: its origin (absolute, lower case, with the dot) and words. */
  public record Line(int number, String origin, String text, List<String> words) {
    boolean isCname(String name) {
      return words.size() >= 3 && words.get(0).equalsIgnoreCase(name) && words.stream().anyMatch("CNAME"::equalsIgnoreCase);
    }
  }

  /** Every line with the section it belongs to. */
  public static List<Line> lines(String text) {
    List<Line> out = new ArrayList<>();
    String origin = "";
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String body = stripComment(lines[i]).strip();
      List<String> words = body.isEmpty() ? List.of() : List.of(body.split("\\s+"));
      if (!words.isEmpty() && words.get(0).equalsIgnoreCase("$ORIGIN") && words.size() > 1) {
        origin = words.get(1).toLowerCase(Locale.ROOT);
      }
      out.add(new Line(i + 1, origin, lines[i], words));
    }
    return out;
  }

  public static String apply(String text, ZoneRecords merge) throws MergeConflict {
    List<Line> lines = lines(text);
    List<Op> ops = new ArrayList<>();
    for (Map.Entry<String, ZoneTarget> want : merge.targets().entrySet()) {
      String origin = want.getKey().toLowerCase(Locale.ROOT);
      List<Line> records = lines.stream().filter(l -> l.origin().equals(origin) && l.isCname(merge.name())).toList();
      if (records.size() > 1) {
        throw new MergeConflict(records.get(1).number(), merge.name() + " has two CNAMEs in $ORIGIN " + origin);
      }
      if (!records.isEmpty()) {
        Line r = records.get(0);
        List<String> w = r.words();
        boolean same = w.size() == 5 && w.get(1).equalsIgnoreCase(want.getValue().ttl())
            && w.get(4).equalsIgnoreCase(want.getValue().target());
        if (!same) {
          ops.add(new Op(r.number() - 1, Op.REPLACE, render(r.text(), merge.name(), want.getValue())));
        }
        continue;
      }
      List<Line> section = lines.stream().filter(l -> l.origin().equals(origin)).toList();
      if (section.isEmpty()) {
        // A datacenter the template has no section for yet: a section of its own at the end.
        int at = lines.size() > 0 && lines.get(lines.size() - 1).text().isEmpty() ? lines.size() - 1 : lines.size();
        ops.add(new Op(at, Op.INSERT, "\n$ORIGIN " + origin + "\n" + render(null, merge.name(), want.getValue())));
        continue;
      }
      Line neighbour = section.stream().filter(l -> l.words().size() == 5 && l.words().get(3).equalsIgnoreCase("CNAME"))
          .findFirst().orElse(null);
      // After the last record sorting before it, else right after the $ORIGIN line.
      Line after = section.get(0);
      for (Line l : section) {
        boolean record = !l.words().isEmpty() && !l.words().get(0).startsWith("$") && !l.words().get(0).startsWith("{")
            && !l.text().isEmpty() && !Character.isWhitespace(l.text().charAt(0));
        if (record && l.words().get(0).compareToIgnoreCase(merge.name()) < 0) {
          after = l;
        }
      }
      ops.add(new Op(after.number(), Op.INSERT, render(neighbour == null ? null : neighbour.text(), merge.name(), want.getValue())));
    }
    for (Line l : lines) {
      if (l.isCname(merge.name()) && !l.origin().isEmpty() && !merge.targets().containsKey(l.origin())
          && dev.mwexp.fragment.Globs.matchesAny(merge.ownedTargetGlobs(), l.words().get(l.words().size() - 1)
              .toLowerCase(Locale.ROOT))) {
        ops.add(new Op(l.number() - 1, Op.REMOVE, null));
      }
    }
    List<String> out = new ArrayList<>();
    lines.forEach(l -> out.add(l.text()));
    // Bottom up, so each index still names the original line; at one index, the line's own edit first.
    // Inserts at one index go in last-added first, so they end up in the order they were added.
    List<Op> numbered = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      numbered.add(new Op(op.index(), op.kind(), op.text(), i));
    }
    ops = numbered;
    ops.sort(java.util.Comparator.comparingInt(Op::index).reversed().thenComparingInt(Op::kind)
        .thenComparing(Comparator.comparingInt(Op::seq).reversed()));
    for (Op op : ops) {
      switch (op.kind()) {
        case Op.REPLACE -> out.set(op.index(), op.text());
        case Op.REMOVE -> out.remove(op.index());
        default -> out.add(op.index(), op.text());
      }
    }
    return String.join("\n", out);
  }

  /** A line edit on the original numbering: replace or remove line {@code index}, or insert before it. */
  private record Op(int index, int kind, String text, int seq) {
    Op(int index, int kind, String text) {
      this(index, kind, text, 0);
    }

    static final int REPLACE = 0;
    static final int REMOVE = 1;
    static final int INSERT = 2;
  }

  /** The record, laid out like {@code neighbour} (a CNAME line) when there is one. */
  static String render(String neighbour, String name, ZoneTarget target) {
    String[] words = {name, target.ttl(), "IN", "CNAME", target.target()};
    if (neighbour == null) {
      return String.join(" ", words);
    }
    List<Integer> columns = new ArrayList<>();
    String line = stripComment(neighbour);
    for (int i = 0; i < line.length(); i++) {
      if (!Character.isWhitespace(line.charAt(i)) && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        columns.add(i);
      }
    }
    if (columns.size() != 5) {
      return String.join(" ", words);
    }
    StringBuilder out = new StringBuilder(words[0]);
    for (int i = 1; i < 5; i++) {
      out.append(" ".repeat(Math.max(1, columns.get(i) - out.length()))).append(words[i]);
    }
    return out.toString();
  }

  static String stripComment(String line) {
    int semicolon = line.indexOf(';');
    return semicolon < 0 ? line : line.substring(0, semicolon);
  }
}
