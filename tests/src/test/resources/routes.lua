-- Runs a routing script (arg[1]) under a mocked ts_lua and prints, for each backend name given
-- in the file arg[2], where do_remap sends it: "ROUTE<TAB>name<TAB>host<TAB>port" or
-- "ROUTE<TAB>name<TAB>400".
TS_LUA_REMAP_NO_REMAP = 0
TS_LUA_REMAP_DID_REMAP = 1
TS_LUA_REMAP_NO_REMAP_STOP = 2
TS_LUA_REMAP_DID_REMAP_STOP = 3
TS_LUA_CONFIG_HTTP_CACHE_HTTP = 42

local state
ts = {
    client_request = {
        header = {},
        get_uri = function() return "/wiki/Main_Page" end,
        get_url_host = function() return "en.wikipedia.org" end,
        set_url_host = function(h) state.host = h end,
        set_url_port = function(p) state.port = p end,
    },
    http = {
        config_int_set = function() end,
        set_resp = function(status) state.status = status end,
    },
}

dofile(arg[1])
for name in io.lines(arg[2]) do
    state = {}
    ts.client_request.header = { ["X-Wikimedia-Debug"] = "backend=" .. name, Host = "en.wikipedia.org" }
    do_remap()
    if state.host then
        print(table.concat({ "ROUTE", name, state.host, tostring(state.port) }, "\t"))
    else
        print(table.concat({ "ROUTE", name, tostring(state.status) }, "\t"))
    end
end
