package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.HostHiera;
import dev.mwexp.consistency.facts.Workload;
import java.util.Optional;

/** The pod's SERVERGROUP is the one the host side names (Wikimedia's chart takes it from helmfile). */
@ChainLink(value = "SERVERGROUP", needs = "hiera")
final class ServergroupLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    chain.hostsInDatacenters().forEach((host, dc) -> {
      HostHiera h = chain.facts.hiera().get(host);
      Workload w = chain.workload(dc).orElseThrow();
      Optional<String> servergroup = h.get(chain.keys.servergroup()).map(v -> String.valueOf(v.value()));
      if (servergroup.isPresent() && !servergroup.equals(w.servergroup())) {
        findings.add(Link.SERVERGROUP, host, "SERVERGROUP " + servergroup.get(),
            w.servergroup().orElse("no SERVERGROUP"), Chain.source(h, chain.keys.servergroup()), w.source("servergroup"));
      }
    });
  }
}
