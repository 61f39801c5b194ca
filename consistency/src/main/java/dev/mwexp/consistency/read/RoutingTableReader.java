package dev.mwexp.consistency.read;

import dev.mwexp.consistency.facts.Backend;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.format.lua.LuaTables;
import dev.mwexp.format.lua.LuaTables.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Backends of an X-Wikimedia-Debug routing script, in the shape Wikimedia's script uses: a table
 * entry {@code ["name"] = { host = "h", port = 4456 }} inside a scope table that has a
 * {@code name} field (or is stored under a name). Only what the running script can see counts:
 * the last of duplicate keys, and tables held by variables the code reads (see {@link LuaTables.Chunk}).
 */
public final class RoutingTableReader {

  /** What the script routes, and the keys it sets twice (each a problem by itself). */
  public record Routing(List<Backend> backends, List<DuplicateKey> duplicates) {}

  /** A key set twice in one table: {@code kept} is the entry Lua uses, {@code overridden} the lost one. */
  public record DuplicateKey(String key, Source overridden, Source kept) {}

  private RoutingTableReader() {}

  public static List<Backend> read(String file, String lua) throws LuaTables.LuaSyntaxException {
    return routing(file, lua).backends();
  }

  public static Routing routing(String file, String lua) throws LuaTables.LuaSyntaxException {
    List<Backend> backends = new ArrayList<>();
    List<DuplicateKey> duplicates = new ArrayList<>();
    for (Table table : LuaTables.read(lua).live()) {
      for (LuaTables.Duplicate d : table.duplicates()) {
        duplicates.add(new DuplicateKey(String.valueOf(d.key()), Source.of(file, d.firstLine()), Source.of(file, d.line())));
      }
      Object host = table.fields().get("host");
      Object port = table.fields().get("port");
      if (host instanceof String h && port instanceof Double p && table.keyInParent() instanceof String name) {
        backends.add(new Backend(scopeOf(table.parent()), name, h, p.intValue(), Source.of(file, table.line())));
      }
    }
    return new Routing(backends, duplicates);
  }

  /** The nearest enclosing table's {@code name} field, else the key it is stored under. */
  private static String scopeOf(Table table) {
    for (Table t = table; t != null; t = t.parent()) {
      if (t.fields().get("name") instanceof String name) {
        return name;
      }
    }
    for (Table t = table; t != null; t = t.parent()) {
      if (t.keyInParent() instanceof String key && !key.equals("backends")) {
        return key;
      }
    }
    return "default";
  }
}
