package dev.mwexp.spec;

import dev.mwexp.model.DebugRouting;
import dev.mwexp.model.ImmutableDebugRouting;
import dev.mwexp.model.ImmutableRoutingScope;
import dev.mwexp.validation.Problem.Kind;

/** Binds the debugRouting section, reporting through the binder. */
final class DebugRoutingBinder {

  private final SpecBinder binder;

  DebugRoutingBinder(SpecBinder binder) {
    this.binder = binder;
  }

  DebugRouting debugRouting(SpecBinder.Fields f) {
    ImmutableDebugRouting.Builder b = ImmutableDebugRouting.builder();
    f.string("datacenterBackend").ifPresent(b::datacenterBackend);
    f.bool("perHostBackends").ifPresent(b::perHostBackends);
    f.list("scopes")
        .ifPresent(
            scopes -> {
              for (int i = 0; i < scopes.size(); i++) {
                String path = f.path("scopes") + "[" + i + "]";
                binder.mappingValue(path, scopes.get(i))
                    .ifPresent(
                        s -> {
                          ImmutableRoutingScope.Builder scope = ImmutableRoutingScope.builder();
                          scope.name(s.string("name").orElse(""));
                          if (!s.has("name")) {
                            binder.problem(Kind.MISSING, s.path("name"), s.node, "scope has no name", "name: <scope>");
                          }
                          s.stringList("requestHosts").ifPresent(scope::requestHosts);
                          s.stringList("datacenters").ifPresent(scope::datacenters);
                          s.finish();
                          b.addScopes(scope.build());
                        });
              }
            });
    f.finish();
    return b.build();
  }
}
