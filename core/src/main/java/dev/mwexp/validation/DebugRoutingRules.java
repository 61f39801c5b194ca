package dev.mwexp.validation;

import dev.mwexp.model.Datacenter;
import dev.mwexp.model.DebugRouting;
import dev.mwexp.model.Route;
import dev.mwexp.model.RoutingScope;
import dev.mwexp.model.Setup;
import dev.mwexp.validation.Problem.Kind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules of X-Wikimedia-Debug routing: backend names, scopes and per-host backends. */
final class DebugRoutingRules extends Rules {

  DebugRoutingRules(List<Problem> problems) {
    super(problems);
  }

  void check(Setup setup) {
    DebugRouting r = setup.debugRouting();
    boolean sharedTemplate = !r.datacenterBackend().contains("{dc}");
    if (sharedTemplate && setup.datacenters().size() > 1) {
      add(
          Kind.INVALID_VALUE,
          "debugRouting.datacenterBackend",
          "template '" + r.datacenterBackend() + "' has no {dc}, so datacenters share one backend",
          "a template with {dc}, such as k8s-{service}-{dc}");
    }
    List<Route> routes = setup.routes();
    Map<String, Route> byName = new HashMap<>(routes.size() * 4 / 3 + 1);
    for (Route route : routes) {
      boolean fromBadParts =
          route.kind() == Route.Kind.HOST
              ? !Syntax.isFqdn(route.backend())
              : !Syntax.isDnsLabel(setup.service().name()) || !Syntax.isDnsLabel(route.datacenter());
      if (fromBadParts) {
        continue;
      }
      // A host's backend is its FQDN, checked just above, and an FQDN's characters are all ones the
      // routing script's pattern takes: only a datacenter's backend, from a template, can fail here.
      if (route.kind() == Route.Kind.DATACENTER && !Syntax.isXwdBackend(route.backend())) {
        add(
            Kind.INVALID_VALUE,
            path(route),
            "backend name '" + route.backend() + "' cannot be selected through X-Wikimedia-Debug",
            "letters, digits, '.' and '-' (ATS matches backend=([%a%d%.-]+))");
        continue;
      }
      Route other = byName.putIfAbsent(route.backend(), route);
      // The same host twice is reported by the host rules; a real clash routes two places.
      boolean templateClash =
          sharedTemplate && other != null && other.kind() == Route.Kind.DATACENTER && route.kind() == other.kind();
      if (other != null && !templateClash && !other.targetHost().equals(route.targetHost())) {
        add(
            Kind.DUPLICATE,
            path(route),
            "backend "
                + route.backend()
                + " would route to both "
                + other.targetHost()
                + " and "
                + route.targetHost(),
            "unique X-Wikimedia-Debug backend names");
      }
    }
    Set<String> dcNames = new HashSet<>();
    for (Datacenter dc : setup.datacenters()) {
      dcNames.add(dc.name());
    }
    Set<String> scopeNames = new HashSet<>();
    Set<String> requestHosts = new HashSet<>();
    for (int i = 0; i < r.scopes().size(); i++) {
      RoutingScope scope = r.scopes().get(i);
      String path = "debugRouting.scopes[" + i + "]";
      if (check(path + ".name", scope.name(), Grammar.SCOPE_NAME, "a lower-case scope name")
          && (scope.name().equals("default") || !scopeNames.add(scope.name()))) {
        add(
            Kind.DUPLICATE,
            path + ".name",
            "scope " + scope.name() + " is defined twice ('default' is built in)",
            "unique scope names other than default");
      }
      if (scope.requestHosts().isEmpty()) {
        add(Kind.MISSING, path + ".requestHosts", "scope matches no Host header", "one or more");
      }
      for (int j = 0; j < scope.requestHosts().size(); j++) {
        String host = scope.requestHosts().get(j);
        String hostPath = path + ".requestHosts[" + j + "]";
        if (check(hostPath, host, Grammar.FQDN, FQDN) && !requestHosts.add(host)) {
          add(Kind.DUPLICATE, hostPath, "Host " + host + " selects two scopes", "each Host once");
        }
      }
      for (int j = 0; j < scope.datacenters().size(); j++) {
        String dc = scope.datacenters().get(j);
        if (!dcNames.contains(dc)) {
          add(
              Kind.REFERENCE,
              path + ".datacenters[" + j + "]",
              "scope names datacenter " + dc + ", which is not defined",
              "one of " + dcNames.stream().sorted().toList());
        }
      }
    }
  }

  /** Where a route comes from in the spec; made only for a problem, not for every host. */
  private static String path(Route route) {
    return route.kind() == Route.Kind.DATACENTER
        ? "debugRouting.datacenterBackend"
        : "datacenters." + route.datacenter() + ".hosts";
  }
}
