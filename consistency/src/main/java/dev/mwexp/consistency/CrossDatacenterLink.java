package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.Backend;
import dev.mwexp.consistency.facts.CnameRecord;
import java.util.Set;

/**
 * A per-datacenter backend ({@code k8s-<service>-<dc>}) or a CNAME in a datacenter's domain
 * ({@code name.<dc>.wmnet}) leads to a host of that datacenter: otherwise a request for eqiad is
 * served in codfw, and every other link can still look right.
 */
@ChainLink(value = "CROSS_DATACENTER", needs = "hiera")
final class CrossDatacenterLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    Set<String> dcs = chain.knownDatacenters();
    for (Backend b : chain.backends) {
      int dash = b.name().lastIndexOf('-');
      String dc = dash < 0 ? "" : b.name().substring(dash + 1);
      if (!dcs.contains(dc)) {
        continue;
      }
      String host = chain.finalTarget(b.host());
      if (!chain.switchedOn(host)) {
        continue; // no host at all: the HOST or CNAME_TARGET link says so
      }
      chain.declaredDatacenter(host).filter(d -> !d.equals(dc)).ifPresent(d -> findings.add(Link.CROSS_DATACENTER,
          b.name(), "a host of " + dc, host + ", a host of " + d, b.source()));
    }
    for (CnameRecord c : chain.facts.cnames()) {
      String[] labels = c.name().split("\\.");
      if (labels.length < 3 || !dcs.contains(labels[1])) {
        continue;
      }
      String host = chain.finalTarget(c.target());
      if (!chain.switchedOn(host)) {
        continue; // someone else's record (mw-parsoid's, say)
      }
      chain.declaredDatacenter(host).filter(d -> !d.equals(labels[1])).ifPresent(d -> findings.add(Link.CROSS_DATACENTER,
          c.name(), "a host of " + labels[1], host + ", a host of " + d, c.source()));
    }
  }
}
