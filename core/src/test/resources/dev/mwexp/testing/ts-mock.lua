-- A mocked ts_lua environment (constants as ts_lua defines them) that runs the routing script
-- arg[1] against the cases in arg[2] and prints one tab-separated line per case:
-- CASE, name, do_remap's return, host, port, cache setting, status, body. See TsLua.java.
TS_LUA_REMAP_NO_REMAP = 0
TS_LUA_REMAP_DID_REMAP = 1
TS_LUA_REMAP_NO_REMAP_STOP = 2
TS_LUA_REMAP_DID_REMAP_STOP = 3
TS_LUA_CONFIG_HTTP_CACHE_HTTP = 42

local state
ts = {
    client_request = {
        header = {},
        get_uri = function() return state.uri end,
        get_url_host = function() return state.url_host end,
        set_url_host = function(h) state.host = h end,
        set_url_port = function(p) state.port = p end,
    },
    http = {
        config_int_set = function(k, v) if k == TS_LUA_CONFIG_HTTP_CACHE_HTTP then state.cache = v end end,
        set_resp = function(status, body) state.status = status; state.body = body end,
    },
}

dofile(arg[1])
local cases = dofile(arg[2])
for _, c in ipairs(cases) do
    state = { url_host = c.url_host, uri = c.uri or "/wiki/Main_Page" }
    ts.client_request.header = c.headers
    local ret = do_remap()
    print(table.concat({ "CASE", c.name, tostring(ret), tostring(state.host), tostring(state.port),
        tostring(state.cache), tostring(state.status), tostring(state.body) }, "\t"))
end
