package dev.mwexp.format.zone;

import dev.mwexp.fragment.MergeConflict;
import dev.mwexp.fragment.Globs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts one CNAME of a given relative name into each wanted {@code $ORIGIN} section of a zone
 * template, laid out like a neighbouring record, and removes that name's CNAMEs from other
 * sections. A record is found by its absolute owner however it is spelt (relative, absolute, or
 * {@code @}); a record already right (same target, same TTL in seconds) is left byte for byte.
 * Nothing is ever written inside a Jinja block, inside a parenthesised record, or between a record
 * and the lines that inherit its owner. Other lines are never touched; line endings are kept.
 */
public final class ZoneEditor {

  private ZoneEditor() {}

  public static String apply(String text, ZoneRecords merge) throws MergeConflict {
    ZoneTemplate zone = ZoneTemplate.read(text);
    if (!zone.problems().isEmpty()) {
      ZoneTemplate.Problem p = zone.problems().get(0);
      throw new MergeConflict(p.line(), p.message() + " (column " + p.column() + "); the records after it cannot be told apart");
    }
    String nl = zone.lineEnding();
    // Edits keyed by 0-based line: replace (or remove, null) lines [from, to]; inserts go after line `after`.
    TreeMap<Integer, Edit> edits = new TreeMap<>();
    for (Map.Entry<String, ZoneTarget> want : merge.targets().entrySet()) {
      String origin = stripDot(want.getKey());
      String owner = merge.name().toLowerCase(java.util.Locale.ROOT) + "." + origin;
      List<ZoneTemplate.Entry> records = zone.records().stream()
          .filter(r -> r.owner().equals(owner) && r.type().equals("CNAME")).toList();
      if (records.size() > 1) {
        throw new MergeConflict(records.get(1).firstLine(), owner + " has two CNAMEs (the first at line "
            + records.get(0).firstLine() + "); a name has at most one CNAME");
      }
      if (!records.isEmpty()) {
        ZoneTemplate.Entry r = records.get(0);
        if (r.jinjaDepth() > 0) {
          throw new MergeConflict(r.firstLine(), owner + " stands inside a Jinja block, which may render it"
              + " any number of times; move it out of the block");
        }
        if (!same(r, want.getValue())) {
          edits.put(r.firstLine() - 1, new Edit(r.firstLine() - 1, r.lastLine() - 1,
              render(zone.lines().get(r.firstLine() - 1), r, merge.name(), want.getValue())));
        }
        continue;
      }
      List<ZoneTemplate.Entry> section = zone.entries().stream()
          .filter(e -> e.origin().equals(origin) && e.jinjaDepth() == 0).toList();
      String record = render(neighbour(zone, section), null, merge.name(), want.getValue());
      if (section.isEmpty()) {
        // A datacenter the template has no section for yet: a section of its own at the end.
        int last = zone.lines().size() - 1;
        boolean endsWithNewline = zone.lines().get(last).isEmpty();
        addInsert(edits, endsWithNewline ? last - 1 : last, "\n$ORIGIN " + want.getKey() + "\n" + record);
        continue;
      }
      addInsert(edits, insertAfter(zone, section, merge.name()), record);
    }
    for (ZoneTemplate.Entry r : zone.records()) {
      String name = merge.name().toLowerCase(java.util.Locale.ROOT);
      if (r.type().equals("CNAME") && r.owner().startsWith(name + ".") && r.jinjaDepth() == 0
          && !merge.targets().containsKey(r.owner().substring(name.length() + 1) + ".")
          && Globs.matchesAny(merge.ownedTargetGlobs(), r.target())) {
        edits.put(r.firstLine() - 1, new Edit(r.firstLine() - 1, r.lastLine() - 1, null));
      }
    }
    if (edits.isEmpty()) {
      return text;
    }
    return splice(zone, edits, nl);
  }

  /**
   * Lines [from, to] kept, replaced by one line, or removed ({@code replacement} null), and lines
   * to insert after {@code to}.
   */
  private record Edit(int from, int to, boolean keep, String replacement, List<String> inserts) {
    Edit(int from, int to, String replacement) {
      this(from, to, false, replacement, new ArrayList<>());
    }
  }

  private static void addInsert(TreeMap<Integer, Edit> edits, int after, String text) {
    Edit existing = edits.get(after);
    if (existing == null) {
      // An insert-only edit: line `after` is kept as it is.
      existing = new Edit(after, after, true, null, new ArrayList<>());
      edits.put(after, existing);
    }
    existing.inserts().add(text);
  }

  private static String splice(ZoneTemplate zone, TreeMap<Integer, Edit> edits, String nl) {
    List<String> lines = zone.lines();
    StringBuilder out = new StringBuilder();
    int i = 0;
    boolean first = true;
    while (i < lines.size()) {
      Edit e = edits.get(i);
      if (e == null) {
        first = line(out, lines.get(i), first);
        i++;
        continue;
      }
      if (e.keep()) {
        first = line(out, lines.get(i), first);
      } else if (e.replacement() != null) {
        // The replaced line keeps its own ending (its \r) and a byte-order mark before it.
        String original = lines.get(e.from());
        first = line(out, (original.startsWith("\uFEFF") ? "\uFEFF" : "") + e.replacement()
            + (original.endsWith("\r") ? "\r" : ""), first);
      }
      for (String insert : e.inserts()) {
        for (String part : insert.split("\n", -1)) {
          first = line(out, part.replace("\r", "") + (nl.equals("\r\n") ? "\r" : ""), first);
        }
      }
      i = e.to() + 1;
    }
    return out.toString();
  }

  private static boolean line(StringBuilder out, String line, boolean first) {
    if (!first) {
      out.append('\n');
    }
    out.append(line);
    return false;
  }

  /** Whether the record already says what is wanted: the same target, the same TTL in seconds. */
  private static boolean same(ZoneTemplate.Entry r, ZoneTarget want) {
    return r.target().equals(stripDot(want.target().toLowerCase(java.util.Locale.ROOT)))
        && r.ttl().isPresent() && ZoneTemplate.ttl(want.ttl()).equals(r.ttl());
  }

  /**
   * The 0-based line after which a new record goes: after the last top-level record of the
   * section whose owner sorts before it (and after the lines inheriting that record's owner), else
   * right after the section's {@code $ORIGIN}.
   */
  private static int insertAfter(ZoneTemplate zone, List<ZoneTemplate.Entry> section, String name) {
    ZoneTemplate.Entry after = section.get(0);
    for (ZoneTemplate.Entry e : section) {
      if (e.isRecord() && !e.ownerText().isEmpty() && !e.templated()
          && e.ownerText().compareToIgnoreCase(name) < 0) {
        after = e;
      }
    }
    // Records that inherit the owner continue it: never put a line between them.
    List<ZoneTemplate.Entry> all = zone.entries();
    int index = all.indexOf(after);
    int line = after.lastLine();
    for (int k = index + 1; k < all.size() && all.get(k).isRecord() && all.get(k).ownerText().isEmpty()
        && all.get(k).jinjaDepth() == 0; k++) {
      line = all.get(k).lastLine();
    }
    return line - 1;
  }

  /** A one-line CNAME of the section, to lay the new record out like it; null when there is none. */
  private static String neighbour(ZoneTemplate zone, List<ZoneTemplate.Entry> section) {
    return section.stream()
        .filter(e -> e.isRecord() && e.type().equals("CNAME") && !e.ownerText().isEmpty() && !e.ttlText().isEmpty()
            && e.firstLine() == e.lastLine() && e.data().size() == 1 && !e.templated())
        .map(e -> zone.lines().get(e.firstLine() - 1))
        .findFirst().orElse(null);
  }

  /**
   * The record, laid out like {@code layout} (a CNAME line) when there is one; a replaced record
   * keeps its owner's spelling ({@code @}, absolute or relative) and its comment.
   */
  static String render(String layout, ZoneTemplate.Entry replaced, String name, ZoneTarget target) {
    String owner = replaced != null && !replaced.ownerText().isEmpty() ? replaced.ownerText() : name;
    String comment = replaced == null ? "" : replaced.comment();
    String[] words = {owner, target.ttl(), "IN", "CNAME", target.target()};
    String line = layout == null ? "" : stripComment(layout.replace("\r", "").replace("\uFEFF", ""));
    List<Integer> columns = new ArrayList<>();
    for (int i = 0; i < line.length(); i++) {
      if (!Character.isWhitespace(line.charAt(i)) && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        columns.add(i);
      }
    }
    StringBuilder out = new StringBuilder(words[0]);
    for (int i = 1; i < 5; i++) {
      int column = columns.size() == 5 ? columns.get(i) : 0;
      out.append(" ".repeat(Math.max(1, column - out.length()))).append(words[i]);
    }
    if (!comment.isEmpty()) {
      int column = layout == null ? 0 : layout.indexOf(';');
      out.append(" ".repeat(Math.max(1, column - out.length()))).append(comment);
    }
    return out.toString();
  }

  private static String stripComment(String line) {
    // The layout line is a plain CNAME: a ';' there starts its comment.
    int semicolon = line.indexOf(';');
    return semicolon < 0 ? line : line.substring(0, semicolon);
  }

  private static String stripDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }
}
