package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.Source;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** debug.json lists exactly the backends that route, so WikimediaDebug offers them and no others. */
@ChainLink("DEBUG_LIST")
final class DebugListLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    Facts.RealLayout real = chain.facts.real();
    real.debugList().ifPresent(items -> {
      // A set: asked once per backend, a list made this quadratic in the hosts.
      Set<String> list = new java.util.HashSet<>(items);
      Source where = Source.of(real.debugJson(), 0);
      for (String backend : chain.routed) {
        if (!list.contains(backend)) {
          findings.add(Link.DEBUG_LIST, backend, "listed in debug.json, so WikimediaDebug offers it", "not listed", where);
        }
      }
      chain.model.ifPresent(m -> {
        Set<String> wanted = new TreeSet<>();
        m.routes().forEach(r -> wanted.add(r.backend()));
        List<String> owned = dev.mwexp.fragment.Ownership.backendGlobs(m);
        for (String item : items) {
          if (dev.mwexp.fragment.Globs.matchesAny(owned, item) && !wanted.contains(item)) {
            findings.add(Link.DEBUG_LIST, item, "no such backend (the model does not route it)", "listed", where);
          }
        }
        for (String backend : wanted) {
          if (!list.contains(backend) && !chain.routed.contains(backend)) {
            findings.add(Link.DEBUG_LIST, backend, "listed in debug.json", "not listed", where);
          }
        }
      });
    });
  }
}
