-- x-wikimedia-debug-routing.lua: X-Wikimedia-Debug routing for mw-experimental.
-- Written by mwexp from the mw-experimental spec; edit the spec, not this file.

local default = {
    name = "default",
    backends = {
        ["k8s-mw-experimental-codfw"] = { host = "mw-experimental.codfw.wmnet", port = 4456 },
        ["k8s-mw-experimental-eqiad"] = { host = "mw-experimental.eqiad.wmnet", port = 4456 },
        ["wikikube-worker-exp1001.eqiad.wmnet"] = { host = "wikikube-worker-exp1001.eqiad.wmnet", port = 4456 },
        ["wikikube-worker-exp2001.codfw.wmnet"] = { host = "wikikube-worker-exp2001.codfw.wmnet", port = 4456 },
    },
}

-- Scopes chosen by the request's Host header, in order; "default" otherwise.
local scopes = {
}

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
