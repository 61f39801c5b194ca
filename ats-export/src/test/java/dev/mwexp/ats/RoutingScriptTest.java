package dev.mwexp.ats;

import dev.mwexp.format.lua.LuaStrings;

import dev.mwexp.testing.RealClients;
import dev.mwexp.testing.TsLua;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.model.ImmutableDebugRouting;
import dev.mwexp.model.ImmutableSetup;
import dev.mwexp.model.RoutingScope;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated script under LuaJIT with a mocked {@code ts}, over the cases Wikimedia's
 * x-wikimedia-debug-routing_test.lua covers.
 */
class RoutingScriptTest {

  @TempDir static Path tmp;

  @BeforeAll
  static void luajit() {
    RealClients.require("luajit");
  }

  /** A setup with an extra scope: requests for test.wikipedia.org see only eqiad's backends. */
  private static Setup scoped() {
    Setup setup = Spec.defaultSetup();
    return ImmutableSetup.copyOf(setup).withDebugRouting(ImmutableDebugRouting.copyOf(setup.debugRouting())
        .withPerHostBackends(true)
        .withScopes(RoutingScope.builder().name("testwiki").addRequestHosts("test.wikipedia.org").addDatacenters("eqiad").build()));
  }

  private static Map<String, String> run(Setup setup, String cases) throws Exception {
    return TsLua.run(tmp, new AtsExporter().export(setup).get("puppet/" + RoutingScript.PATH), cases);
  }

  private static String routed(String host, int port) {
    return "3\t" + host + "\t" + port + "\t0\tnil\tnil";
  }

  @Test
  void routesAsTheRealScriptDoes() throws Exception {
    Map<String, String> results = run(scoped(), """
        { name = "no header", headers = { Host = "en.wikipedia.org" } },
        { name = "bare header", headers = { ["X-Wikimedia-Debug"] = "k8s-mw-experimental-eqiad" } },
        { name = "backend among fields", headers = { ["X-Wikimedia-Debug"] = "profile; backend=k8s-mw-experimental-codfw; log" } },
        { name = "host backend", headers = { ["X-Wikimedia-Debug"] = "backend=wikikube-worker-exp1001.eqiad.wmnet" } },
        { name = "unknown backend", headers = { ["X-Wikimedia-Debug"] = "backend=mwdebug1001.eqiad.wmnet" } },
        { name = "scope by Host", headers = { Host = "test.wikipedia.org:443", ["X-Wikimedia-Debug"] = "backend=k8s-mw-experimental-eqiad" } },
        { name = "outside scope", headers = { Host = "TEST.wikipedia.org", ["X-Wikimedia-Debug"] = "backend=k8s-mw-experimental-codfw" } },
        { name = "scope by URL host", url_host = "test.wikipedia.org", headers = { ["X-Wikimedia-Debug"] = "backend=k8s-mw-experimental-codfw" } },
        { name = "injection attempt", headers = { ["X-Wikimedia-Debug"] = "backend=../../etc" } },
        """);

    assertThat(results).containsExactly(
        Map.entry("no header", "0\tnil\tnil\tnil\tnil\tnil"),
        Map.entry("bare header", routed("mw-experimental.eqiad.wmnet", 4456)),
        Map.entry("backend among fields", routed("mw-experimental.codfw.wmnet", 4456)),
        Map.entry("host backend", routed("wikikube-worker-exp1001.eqiad.wmnet", 4456)),
        Map.entry("unknown backend", "2\tnil\tnil\tnil\t400\tx-wikimedia-debug-routing: no match found for the backend"
            + " specified in X-Wikimedia-Debug (scope: default)"),
        Map.entry("scope by Host", routed("mw-experimental.eqiad.wmnet", 4456)),
        Map.entry("outside scope", "2\tnil\tnil\tnil\t400\tx-wikimedia-debug-routing: no match found for the backend"
            + " specified in X-Wikimedia-Debug (scope: testwiki)"),
        Map.entry("scope by URL host", "2\tnil\tnil\tnil\t400\tx-wikimedia-debug-routing: no match found for the backend"
            + " specified in X-Wikimedia-Debug (scope: testwiki)"),
        Map.entry("injection attempt", "2\tnil\tnil\tnil\t400\tx-wikimedia-debug-routing: no match found for the backend"
            + " specified in X-Wikimedia-Debug (scope: default)"));
  }

  @Test
  void everyModelRouteIsInTheTable() throws Exception {
    Setup setup = Spec.defaultSetup();
    StringBuilder cases = new StringBuilder();
    setup.routes().forEach(r -> cases.append("{ name = ").append(LuaStrings.literal(r.backend()))
        .append(", headers = { [\"X-Wikimedia-Debug\"] = ").append(LuaStrings.literal("backend=" + r.backend())).append(" } },\n"));
    Map<String, String> results = run(setup, cases.toString());
    setup.routes().forEach(r -> assertThat(results.get(r.backend())).isEqualTo(routed(r.targetHost(), r.port())));
    assertThat(results).hasSize(setup.routes().size());
  }
}
