package dev.mwexp.format.lua;

import dev.mwexp.format.Lines;
import dev.mwexp.fragment.MergeConflict;
import dev.mwexp.fragment.Globs;
import dev.mwexp.format.lua.LuaTables.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splices routing entries {@code ["name"] = { host = "h", port = n },} into a Lua table, one entry a
 * line, aligned like the entries already there (the column of {@code =} and of {@code port}). Entries
 * not matching the fragment's owned globs are never touched; owned ones not wanted are removed.
 */
public final class LuaTableEditor {

  private LuaTableEditor() {}

  public static String apply(String source, LuaTableEntries merge) throws MergeConflict {
    LuaTables.Chunk chunk;
    try {
      chunk = LuaTables.read(source);
    } catch (LuaTables.LuaSyntaxException e) {
      throw new MergeConflict(e.line(), "is not Lua: " + e.getMessage());
    }
    Table table = find(chunk, merge.tablePath()).orElseThrow(() -> new MergeConflict(0,
        "has no table " + String.join(".", merge.tablePath()) + " that the script reads; mwexp adds its backends there"));
    for (Map.Entry<Object, Integer> later : table.assignedLater().entrySet()) {
      if (later.getKey() instanceof String name
          && (Globs.matchesAny(merge.ownedGlobs(), name) || merge.entries().containsKey(name))) {
        throw new MergeConflict(later.getValue(), "sets " + String.join(".", merge.tablePath()) + "[\"" + name
            + "\"] after the table, and LuaJIT routes by that; remove the assignment so the table's entry counts");
      }
    }
    if (!table.duplicates().isEmpty()) {
      var d = table.duplicates().get(0);
      throw new MergeConflict(d.line(), "sets " + d.key() + " twice (also on line " + d.firstLine() + "); remove one by hand");
    }
    Style style = Style.of(source, table);
    List<Splice> splices = new ArrayList<>();
    Map<String, int[]> managedLines = new java.util.LinkedHashMap<>();
    int lastLineEnd = -1;
    LuaTables.Span lastField = null;
    for (Map.Entry<Object, Object> field : table.fields().entrySet()) {
      LuaTables.Span span = table.spanOf(field.getKey());
      if (span == null || table.assignedLater().containsKey(field.getKey())) {
        continue; // set by a statement after the table: not in the constructor's text
      }
      if (lastField == null || span.end() > lastField.end()) {
        lastField = span;
      }
      int[] line = ownLine(source, span, table);
      lastLineEnd = Math.max(lastLineEnd, line[1]);
      if (!(field.getKey() instanceof String name)) {
        continue;
      }
      boolean owned = Globs.matchesAny(merge.ownedGlobs(), name) || merge.entries().containsKey(name);
      if (!owned) {
        continue;
      }
      Target want = merge.entries().get(name);
      if (want == null) {
        splices.add(new Splice(line[0], line[1], ""));
        continue;
      }
      managedLines.put(name, line);
      if (!want.equals(target(field.getValue()))) {
        splices.add(new Splice(line[0], line[1], style.render(name, want)));
      }
    }
    LuaTables.Span braces = table.braces();
    boolean oneLine = source.indexOf('\n', braces.start()) < 0 || source.indexOf('\n', braces.start()) > braces.end();
    if (table.fields().isEmpty() && oneLine && !merge.entries().isEmpty()) {
      // "backends = {}": open it up, the entries one a line inside.
      StringBuilder entries = new StringBuilder(style.newline());
      merge.entries().forEach((name, t) -> entries.append(style.render(name, t)));
      splices.add(new Splice(braces.start() + 1, braces.end() - 1, entries + Lines.indent(source, braces.start())));
      return splice(source, splices);
    }
    // New entries go after the last of mw-experimental's entries (else after the table's last
    // entry), in the fragment's order: a removed entry put back lands where it was.
    int at = managedLines.values().stream().mapToInt(l -> l[1]).max()
        .orElse(lastLineEnd >= 0 ? lastLineEnd : Lines.end(source, table.braces().start()));
    boolean adds = merge.entries().keySet().stream().anyMatch(name -> !managedLines.containsKey(name));
    if (adds && lastField != null && at >= lastField.end() && !separated(source, lastField.end())
        && !rewritten(splices, lastField.end())) {
      // The table's last entry has no trailing separator: give it the one its neighbours use.
      // (One mwexp rewrites or removes needs none: its new line ends with one, or it is gone.)
      splices.add(new Splice(lastField.end(), lastField.end(), ","));
    }
    for (Map.Entry<String, Target> want : merge.entries().entrySet()) {
      if (!managedLines.containsKey(want.getKey())) {
        splices.add(new Splice(at, at, style.render(want.getKey(), want.getValue())));
      }
    }
    return splice(source, splices);
  }

  /**
   * Applies the splices in one pass from the start, so adding n entries costs the text's length,
   * not n times it. At one offset, inserts go in the order they were added, before a replaced range.
   */
  private static String splice(String source, List<Splice> splices) {
    List<Splice> ordered = new ArrayList<>(splices);
    ordered.sort(Comparator.comparingInt(Splice::from).thenComparing(s -> s.to() != s.from()));
    StringBuilder out = new StringBuilder(source.length() + ordered.stream().mapToInt(s -> s.text().length()).sum());
    int at = 0;
    for (Splice s : ordered) {
      if (s.from() < at) {
        throw new IllegalStateException("overlapping edits of the routing table at offset " + s.from());
      }
      out.append(source, at, s.from()).append(s.text());
      at = s.to();
    }
    return out.append(source, at, source.length()).toString();
  }

  private record Splice(int from, int to, String text) {}

  /** Whether a splice replaces the text just before {@code offset}. */
  private static boolean rewritten(List<Splice> splices, int offset) {
    return splices.stream().anyMatch(s -> s.from() < offset && offset <= s.to());
  }

  /** Whether a {@code ,} or {@code ;} follows {@code end}, past blanks. */
  private static boolean separated(String source, int end) {
    int i = end;
    while (i < source.length() && (source.charAt(i) == ' ' || source.charAt(i) == '\t')) {
      i++;
    }
    return i < source.length() && (source.charAt(i) == ',' || source.charAt(i) == ';');
  }

  /** The table a path names, from the live roots: {@code debug_maps.default.backends}, {@code [name=x]}. */
  public static java.util.Optional<Table> find(LuaTables.Chunk chunk, List<String> path) {
    Table current = null;
    for (Table root : chunk.liveRoots()) {
      if (root.binding().filter(path.get(0)::equals).isPresent()) {
        current = root;
      }
    }
    for (String segment : path.subList(1, path.size())) {
      if (current == null) {
        return java.util.Optional.empty();
      }
      Object next = null;
      if (segment.startsWith("[name=") && segment.endsWith("]")) {
        String name = segment.substring(6, segment.length() - 1);
        for (Object v : current.fields().values()) {
          if (v instanceof Table t && name.equals(t.fields().get("name"))) {
            next = t;
          }
        }
      } else {
        next = current.fields().get(segment);
      }
      current = next instanceof Table t ? t : null;
    }
    return java.util.Optional.ofNullable(current);
  }

  /** The entry a field's value routes to, if it has the shape {@code { host = "h", port = n }}. */
  public static Target target(Object value) {
    if (value instanceof Table t && t.fields().get("host") instanceof String h && t.fields().get("port") instanceof Double p) {
      return new Target(h, p.intValue());
    }
    return null;
  }

  /** The whole line(s) a field stands on, with its separator; a conflict if it shares a line. */
  private static int[] ownLine(String source, LuaTables.Span span, Table table) throws MergeConflict {
    int from = Lines.start(source, span.start());
    int end = span.end();
    while (end < source.length() && (source.charAt(end) == ' ' || source.charAt(end) == '\t')) {
      end++;
    }
    if (end < source.length() && (source.charAt(end) == ',' || source.charAt(end) == ';')) {
      end++;
    }
    int lineEnd = Lines.end(source, end);
    String rest = source.substring(end, lineEnd).strip();
    if (!Lines.blank(source, from, span.start()) || !(rest.isEmpty() || rest.startsWith("--"))) {
      throw new MergeConflict(Lines.number(source, span.start()),
          "has table entries sharing a line; mwexp needs one entry a line in table opened on line " + table.line());
    }
    return new int[] {from, lineEnd};
  }

  /** Indentation and alignment learned from the entries already in the table. */
  private record Style(String indent, int equalsColumn, int portColumn, String newline) {

    /** The file's own line ending, so an added line matches its neighbours. */
    static String newline(String source) {
      int nl = source.indexOf('\n');
      return nl > 0 && source.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    }


    static Style of(String source, Table table) {
      for (Object key : table.fields().keySet()) {
        LuaTables.Span span = table.spanOf(key);
        int lineStart = Lines.start(source, span.start());
        String line = source.substring(lineStart, Lines.end(source, span.start()));
        int eq = line.indexOf("] ");
        int eqCol = eq < 0 ? -1 : line.indexOf('=', eq);
        int portCol = line.indexOf("port =");
        if (key instanceof String && eqCol > 0 && portCol > 0) {
          return new Style(Lines.indent(source, span.start()), eqCol, portCol, newline(source));
        }
      }
      return new Style(Lines.indent(source, table.braces().start()) + "    ", -1, -1, newline(source));
    }

    String render(String name, Target t) {
      StringBuilder line = new StringBuilder(indent).append('[').append(LuaStrings.literal(name)).append(']');
      line.append(Lines.pad(equalsColumn - line.length())).append("= { host = ").append(LuaStrings.literal(t.host())).append(',');
      line.append(Lines.pad(portColumn - line.length())).append("port = ").append(t.port()).append(" },").append(newline);
      return line.toString();
    }
  }
}
