-- mwexp's busted test of the synced routing script, in the style of operations/puppet's
-- x-wikimedia-debug-routing_test.lua: a ts mock with header, get_uri, config_int_set and stubs
-- for the setters (and, like the real mock, no get_url_host). The script comes from
-- ROUTING_SCRIPT; the expected mw-experimental routes from EXPECTED_ROUTES ("name host port" lines).

-- busted insulates each test file; the script runs in the global table, where ts_lua puts these.
_G.TS_LUA_REMAP_NO_REMAP = 0
_G.TS_LUA_REMAP_DID_REMAP = 1
_G.TS_LUA_REMAP_NO_REMAP_STOP = 2
_G.TS_LUA_REMAP_DID_REMAP_STOP = 3
_G.TS_LUA_CONFIG_HTTP_CACHE_HTTP = 42
local TS_LUA_REMAP_NO_REMAP, TS_LUA_REMAP_NO_REMAP_STOP, TS_LUA_REMAP_DID_REMAP_STOP = 0, 2, 3

local function request(headers, uri)
    local seen = {}
    _G.ts = {
        client_request = {
            header = headers,
            get_uri = function() return uri or "/wiki/Main_Page" end,
            set_url_host = function(h) seen.host = h end,
            set_url_port = function(p) seen.port = p end,
        },
        http = {
            config_int_set = function(k, v) seen.cache = v end,
            set_resp = function(status, body) seen.status = status; seen.body = body end,
        },
    }
    seen.ret = _G.do_remap()
    return seen
end

describe("x-wikimedia-debug-routing, synced by mwexp", function()
    setup(function()
        dofile(os.getenv("ROUTING_SCRIPT"))
    end)

    it("leaves requests without the header alone", function()
        local r = request({ Host = "en.wikipedia.org" })
        assert.are.equal(TS_LUA_REMAP_NO_REMAP, r.ret)
        assert.is_nil(r.host)
    end)

    it("routes every mw-experimental backend to its host and port, bypassing the cache", function()
        local count = 0
        for line in io.lines(os.getenv("EXPECTED_ROUTES")) do
            local name, host, port = string.match(line, "^(%S+) (%S+) (%d+)$")
            local r = request({ ["X-Wikimedia-Debug"] = "backend=" .. name .. "; profile" })
            assert.are.equal(TS_LUA_REMAP_DID_REMAP_STOP, r.ret, name)
            assert.are.equal(host, r.host, name)
            assert.are.equal(tonumber(port), r.port, name)
            assert.are.equal(0, r.cache, name)
            count = count + 1
        end
        assert.is_true(count > 0)
    end)

    it("still routes the other services' backends", function()
        local r = request({ ["X-Wikimedia-Debug"] = "backend=k8s-mwdebug-next" })
        assert.are.equal("mwdebug-next.discovery.wmnet", r.host)
        assert.are.equal(4453, r.port)
        r = request({ ["X-Wikimedia-Debug"] = "k8s-mw-parsoid" })
        assert.are.equal("mw-parsoid.discovery.wmnet", r.host)
    end)

    it("keeps the pretrain scope for test.wikipedia.org", function()
        local r = request({ Host = "test.wikipedia.org", ["X-Wikimedia-Debug"] = "backend=k8s-mwdebug-pretrain" })
        assert.are.equal("mwdebug-pretrain.discovery.wmnet", r.host)
        r = request({ Host = "test.wikipedia.org", ["X-Wikimedia-Debug"] = "backend=k8s-mw-experimental-eqiad" })
        assert.are.equal(400, r.status)
    end)

    it("lets mw-experimental, and only the allowed backends, serve /w/rest.php", function()
        local r = request({ ["X-Wikimedia-Debug"] = "backend=k8s-mw-experimental-eqiad" }, "/w/rest.php/v1/page")
        assert.are.equal("mw-experimental.eqiad.wmnet", r.host)
        r = request({ ["X-Wikimedia-Debug"] = "backend=k8s-mwdebug" }, "/w/rest.php/v1/page")
        assert.are.equal(403, r.status)
    end)

    it("answers 400 for an unknown backend", function()
        local r = request({ ["X-Wikimedia-Debug"] = "backend=no-such-backend" })
        assert.are.equal(400, r.status)
        assert.are.equal(TS_LUA_REMAP_NO_REMAP_STOP, r.ret)
    end)
end)
