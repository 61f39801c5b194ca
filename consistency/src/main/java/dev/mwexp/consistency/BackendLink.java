package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.Backend;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.model.Route;
import java.util.Map;
import java.util.TreeMap;

/** The routing table's default backends are the model's, each to its host and port (only with a model). */
@ChainLink(value = "BACKEND", needs = "routing")
final class BackendLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    if (chain.model.isEmpty()) {
      return;
    }
    Map<String, Backend> inTable = new TreeMap<>();
    chain.facts.backends().stream().filter(b -> b.scope().equals("default")).filter(chain::isOurs)
        .forEach(b -> inTable.putIfAbsent(b.name(), b));
    Source modelSource = Source.model("routes");
    for (Route route : chain.model.get().routes()) {
      Backend b = inTable.remove(route.backend());
      String want = route.targetHost() + ":" + route.port();
      if (b == null) {
        findings.add(Link.BACKEND, route.backend(), want, "no such backend", modelSource);
      } else if (!(b.host() + ":" + b.port()).equals(want)) {
        findings.add(Link.BACKEND, route.backend(), want, b.host() + ":" + b.port(), b.source());
      }
    }
    inTable.values()
        .forEach(b -> findings.add(Link.BACKEND, b.name(), "no such backend", b.host() + ":" + b.port(), b.source()));
  }
}
