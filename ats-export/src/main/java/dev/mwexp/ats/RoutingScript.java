package dev.mwexp.ats;

import dev.mwexp.model.Route;
import dev.mwexp.model.RoutingScope;
import dev.mwexp.model.Setup;
import java.util.List;
import java.util.Locale;

/**
 * The ts_lua remap script, behaving as Wikimedia's x-wikimedia-debug-routing.lua: no header, no
 * remap; the backend is {@code backend=} of the header (or, for old clients, the whole value);
 * the table is chosen by the request's Host; a match sets the URL host and port and bypasses the
 * cache; anything else is answered 400. Only the tables come from the model.
 */
final class RoutingScript {

  static final String FILE = "x-wikimedia-debug-routing.lua";

  private RoutingScript() {}

  static String lua(Setup setup) {
    StringBuilder lua = new StringBuilder();
    lua.append("-- x-wikimedia-debug-routing.lua: X-Wikimedia-Debug routing for mw-experimental.\n");
    lua.append("-- Written by mwexp from the mw-experimental spec; edit the spec, not this file.\n\n");
    lua.append("local default = {\n    name = \"default\",\n    backends = {\n");
    backends(lua, setup.routes(), "        ");
    lua.append("    },\n}\n\n");
    lua.append("-- Scopes chosen by the request's Host header, in order; \"default\" otherwise.\n");
    lua.append("local scopes = {\n");
    for (RoutingScope scope : setup.debugRouting().scopes()) {
      lua.append("    {\n        name = ").append(LuaStrings.literal(scope.name())).append(",\n");
      lua.append("        hosts = {\n");
      for (String host : scope.requestHosts().stream().sorted().toList()) {
        lua.append("            [").append(LuaStrings.literal(host.toLowerCase(Locale.ROOT))).append("] = true,\n");
      }
      lua.append("        },\n        backends = {\n");
      List<Route> routes = setup.routes().stream()
          .filter(r -> scope.datacenters().isEmpty() || scope.datacenters().contains(r.datacenter()))
          .toList();
      backends(lua, routes, "            ");
      lua.append("        },\n    },\n");
    }
    lua.append("}\n\n");
    lua.append(BEHAVIOUR);
    return lua.toString();
  }

  private static void backends(StringBuilder lua, List<Route> routes, String indent) {
    for (Route route : routes) {
      lua.append(indent).append('[').append(LuaStrings.literal(route.backend())).append("] = { host = ")
          .append(LuaStrings.literal(route.targetHost())).append(", port = ").append(route.port()).append(" },\n");
    }
  }

  private static final String BEHAVIOUR = """
      local function scope_for(host)
          if host then
              host = string.lower(string.gsub(host, ':%d+$', ''))
              for _, scope in ipairs(scopes) do
                  if scope.hosts[host] then
                      return scope
                  end
              end
          end
          return default
      end

      function do_remap()
          local xwd = ts.client_request.header['X-Wikimedia-Debug']
          if not xwd then
              return TS_LUA_REMAP_NO_REMAP
          end

          -- "backend=<name>" among ';'-separated fields; old clients send just the name.
          local backend = string.match(xwd, 'backend=([%a%d%.-]+)') or xwd

          local scope = scope_for(ts.client_request.header['Host'] or ts.client_request.get_url_host())
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
