package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.HostHiera;
import dev.mwexp.consistency.facts.Toleration;
import dev.mwexp.consistency.facts.Workload;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The workload tolerates exactly the host's taints: each one, and none the host does not have. */
@ChainLink(value = "TAINTS", needs = "hiera")
final class TaintsLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    chain.hostsInDatacenters().forEach((host, dc) -> {
      HostHiera h = chain.facts.hiera().get(host);
      Workload w = chain.workload(dc).orElseThrow();
      List<String> taints = h.strings(chain.keys.nodeTaints());
      Set<String> untolerated = new TreeSet<>();
      for (String taint : taints) {
        if (w.tolerations().stream().noneMatch(t -> t.tolerates(taint))) {
          untolerated.add(taint);
        }
      }
      Set<String> unmatched = new TreeSet<>();
      for (Toleration t : w.tolerations()) {
        if (taints.stream().noneMatch(t::tolerates)) {
          unmatched.add(t.format());
        }
      }
      if (!untolerated.isEmpty() || !unmatched.isEmpty()) {
        findings.add(Link.TAINTS, host,
            "tolerations " + w.tolerations().stream().map(Toleration::format).sorted().toList() + " for the host's taints",
            "host taints " + taints.stream().sorted().toList(), Chain.source(h, chain.keys.nodeTaints()),
            w.source("tolerations"));
      }
    });
  }
}
