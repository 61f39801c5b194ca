package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.Source;

/** site.pp gives every reached host the workers' role (the node Puppet picks for it). */
@ChainLink("NODE_STANZA")
final class NodeStanzaLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    Facts.RealLayout real = chain.facts.real();
    real.stanzas().ifPresent(stanzas -> chain.reachedBy.keySet().forEach(host -> {
      var stanza = stanzas.get(host);
      String role = real.workerRole();
      if (stanza == null) {
        findings.add(Link.NODE_STANZA, host, "node /^" + host.replace(".", "\\.") + "/ { role(" + role + ") }",
            "no node stanza for the host", Source.of(real.sitePp(), 0));
      } else if (!stanza.role().equals(role)) {
        // Puppet picks an exact name over any regex: the node read last for the host is the one it uses.
        findings.add(Link.NODE_STANZA, host, "role(" + role + ")", stanza.role().isEmpty() ? "no role"
            : "role(" + stanza.role() + ")", Source.of(real.sitePp(), stanza.first()));
      }
    }));
  }
}
