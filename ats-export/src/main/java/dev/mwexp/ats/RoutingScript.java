package dev.mwexp.ats;

import dev.mwexp.format.lua.LuaStrings;

import dev.mwexp.model.Route;
import dev.mwexp.model.RoutingScope;
import dev.mwexp.model.Setup;
import java.util.List;
import java.util.Locale;

/**
 * The ts_lua remap script for a repository that has none yet, shaped as Wikimedia's
 * x-wikimedia-debug-routing.lua: one {@code debug_maps} table with the scopes (chosen by the
 * request's Host) and {@code default}; no header, no remap; the backend is {@code backend=} of the
 * header (or, for old clients, the whole value); a match sets the URL host and port and bypasses the
 * cache; anything else is answered 400. Its backend tables start empty: the fragments fill them,
 * here as in a real checkout.
 */
final class RoutingScript {

  static final String FILE = "x-wikimedia-debug-routing.lua";
  static final String PATH = "modules/profile/files/trafficserver/" + FILE;

  private RoutingScript() {}

  static String seed(Setup setup) {
    StringBuilder lua = new StringBuilder();
    lua.append("-- x-wikimedia-debug-routing.lua: route requests carrying X-Wikimedia-Debug to the debugging backends.\n");
    lua.append("-- Written by mwexp for an empty repository; in a checkout, mwexp edits only its own backends.\n\n");
    lua.append("jit.off(true, true)\n\n");
    lua.append("local debug_maps = {\n    scopes = {\n");
    for (RoutingScope scope : setup.debugRouting().scopes()) {
      lua.append("        {\n            name = ").append(LuaStrings.literal(scope.name())).append(",\n");
      lua.append("            hosts = {\n");
      for (String host : scope.requestHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).sorted().toList()) {
        lua.append("                [").append(LuaStrings.literal(host)).append("] = true,\n");
      }
      lua.append("            },\n            backends = {},\n        },\n");
    }
    lua.append("    },\n    default = {\n        name = \"default\",\n        backends = {},\n    },\n}\n\n");
    lua.append(BEHAVIOUR);
    return lua.toString();
  }

  /** The routes a scope's table holds: those of its datacenters (all, when it names none). */
  static List<Route> routes(Setup setup, RoutingScope scope) {
    return setup.routes().stream()
        .filter(r -> scope.datacenters().isEmpty() || scope.datacenters().contains(r.datacenter()))
        .toList();
  }

  private static final String BEHAVIOUR = """
      local function scope_for(host)
          if host then
              host = string.lower(string.gsub(host, ':%d+$', ''))
              for _, scope in ipairs(debug_maps.scopes) do
                  if scope.hosts[host] then
                      return scope
                  end
              end
          end
          return debug_maps.default
      end

      function do_remap()
          local xwd = ts.client_request.header['X-Wikimedia-Debug']
          if not xwd then
              return TS_LUA_REMAP_NO_REMAP
          end

          -- "backend=<name>" among ';'-separated fields; old clients send just the name.
          local backend = string.match(xwd, 'backend=([%a%d%.-]+)') or xwd

          local scope = scope_for(ts.client_request.header['Host']
              or (ts.client_request.get_url_host and ts.client_request.get_url_host()))
          local target = scope.backends[backend]
          if target == nil then
              ts.http.set_resp(400, 'x-wikimedia-debug-routing: no match found for the backend specified in X-Wikimedia-Debug (scope: ' .. scope.name .. ')')
              return TS_LUA_REMAP_NO_REMAP_STOP
          end

          ts.client_request.set_url_host(target.host)
          ts.client_request.set_url_port(target.port)
          -- A debug response must neither come from nor go into the cache.
          ts.http.config_int_set(TS_LUA_CONFIG_HTTP_CACHE_HTTP, 0)
          return TS_LUA_REMAP_DID_REMAP_STOP
      end
      """;
}
