-- Abridged to the shape of operations-puppet's x-wikimedia-debug-routing.lua.
local default = {
    name = "default",
    backends = {
        ["k8s-mw-experimental-eqiad"] = { host = "mw-experimental.eqiad.wmnet", port = 4456 },
        ["k8s-mw-experimental-codfw"] = { host = "mw-experimental.codfw.wmnet", port = 4456 },
    },
}

local scopes = { default }

function do_remap()
    local xwd = ts.client_request.header['X-Wikimedia-Debug']
    if not xwd then
        return TS_LUA_REMAP_NO_REMAP
    end
    local backend = string.match(xwd, 'backend=([%a%d%.-]+)') or xwd
    local scope = default
    local target = scope.backends[backend]
    if target then
        ts.client_request.set_url_host(target.host)
        ts.client_request.set_url_port(target.port)
        ts.http.config_int_set(TS_LUA_CONFIG_HTTP_CACHE_HTTP, 0)
        return TS_LUA_REMAP_DID_REMAP_STOP
    end
    ts.http.set_resp(400, "x-wikimedia-debug-routing: no match found for the backend specified in X-Wikimedia-Debug (scope: " .. scope.name .. ")")
    return TS_LUA_REMAP_NO_REMAP_STOP
end
