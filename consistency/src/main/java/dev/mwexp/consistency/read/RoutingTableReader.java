package dev.mwexp.consistency.read;

import dev.mwexp.consistency.facts.Backend;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.consistency.read.LuaTables.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Backends of an X-Wikimedia-Debug routing script, in the shape Wikimedia's script uses: a table
 * entry {@code ["name"] = { host = "h", port = 4456 }} inside a scope table that has a
 * {@code name} field (or is stored under a name).
 */
public final class RoutingTableReader {

  private RoutingTableReader() {}

  public static List<Backend> read(String file, String lua) throws LuaTables.LuaSyntaxException {
    List<Backend> backends = new ArrayList<>();
    for (Table table : LuaTables.parse(lua)) {
      Object host = table.fields().get("host");
      Object port = table.fields().get("port");
      if (host instanceof String h && port instanceof Double p && table.keyInParent() instanceof String name) {
        backends.add(new Backend(scopeOf(table.parent()), name, h, p.intValue(), Source.of(file, table.line())));
      }
    }
    return backends;
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
