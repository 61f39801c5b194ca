package dev.mwexp.ats;

import dev.mwexp.format.json.JsonListItems;
import dev.mwexp.format.lua.LuaTableEntries;
import dev.mwexp.format.lua.Target;
import dev.mwexp.export.Exporter;
import dev.mwexp.fragment.Fragment;
import dev.mwexp.fragment.Merge;
import dev.mwexp.fragment.Ownership;
import dev.mwexp.fragment.Repository;
import dev.mwexp.model.Route;
import dev.mwexp.model.RoutingScope;
import dev.mwexp.model.Setup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * X-Wikimedia-Debug routing: the backends in operations/puppet's routing script (the
 * {@code default} table and each scope's), and the same names in operations/mediawiki-config's
 * {@code debug.json}, the list the WikimediaDebug browser extension offers. Other services'
 * backends in both files are never touched.
 */
public final class AtsExporter implements Exporter {

  static final String DEBUG_JSON = "debug.json";

  @Override
  public String format() {
    return "ats";
  }

  @Override
  public List<Fragment> fragments(Setup setup) {
    List<String> owned = Ownership.backendGlobs(setup);
    String seed = RoutingScript.seed(setup);
    List<Fragment> out = new ArrayList<>();
    out.add(new Fragment(Repository.PUPPET, RoutingScript.PATH,
        new LuaTableEntries(List.of("debug_maps", "default", "backends"), targets(setup.routes()), owned, seed)));
    for (RoutingScope scope : setup.debugRouting().scopes()) {
      out.add(new Fragment(Repository.PUPPET, RoutingScript.PATH, new LuaTableEntries(
          List.of("debug_maps", "scopes", "[name=" + scope.name() + "]", "backends"),
          targets(RoutingScript.routes(setup, scope)), owned, seed)));
    }
    out.add(new Fragment(Repository.MEDIAWIKI_CONFIG, DEBUG_JSON, new JsonListItems(
        "backends", setup.routes().stream().map(Route::backend).toList(), owned, "{\n  \"backends\": []\n}\n")));
    return out;
  }

  private static Map<String, Target> targets(List<Route> routes) {
    Map<String, Target> out = new LinkedHashMap<>();
    routes.forEach(r -> out.put(r.backend(), new Target(r.targetHost(), r.port())));
    return out;
  }
}
