package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.Backend;
import java.util.List;
import java.util.Optional;

/** A reached host's datacenter runs no mw-experimental workload or Service. */
@ChainLink(value = "DATACENTER", needs = "hiera")
final class DatacenterLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    chain.reachedBy.forEach((host, via) -> {
      if (chain.datacenterOf(host).isPresent()) {
        return;
      }
      Optional<String> declared = chain.declaredDatacenter(host);
      if (declared.filter(chain.facts::kubernetesUnread).isPresent()) {
        return; // that datacenter's Kubernetes side could not be read: MISSING or UNREADABLE says so
      }
      List<Backend> backends = via;
      findings.add(Link.DATACENTER, host, "a datacenter with an mw-experimental workload and Service",
          "none for this host", backends.isEmpty() ? null : backends.get(0).source(), chain.facts.hiera().get(host).hostFile());
    });
  }
}
