package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.HostHiera;
import java.util.Optional;

/** A reached host's hiera turns the mw-experimental profile on. */
@ChainLink(value = "SWITCH", needs = "hiera")
final class SwitchLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    chain.hostsInDatacenters().keySet().forEach(host -> {
      if (!chain.switchedOn(host)) {
        HostHiera h = chain.facts.hiera().get(host);
        Optional<HostHiera.Value> on = h.get(chain.keys.mwExperimental());
        findings.add(Link.SWITCH, host, chain.keys.mwExperimental() + ": true",
            on.map(v -> String.valueOf(v.value())).orElse("no such key"), Chain.source(h, chain.keys.mwExperimental()));
      }
    });
  }
}
