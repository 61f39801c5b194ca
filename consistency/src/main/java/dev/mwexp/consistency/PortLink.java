package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.ServiceFact;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.consistency.facts.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Ports line up: each backend's port is its Service's nodePort, the Service's targetPort is the
 * MediaWiki container's, and no two Services of a datacenter claim one nodePort.
 */
@ChainLink(value = "PORT", needs = "hiera")
final class PortLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    chain.hostsInDatacenters().forEach((host, dc) -> chain.service(dc).ifPresent(s -> chain.reachedBy.get(host).forEach(b -> {
      if (!s.nodePort().equals(Optional.of(b.port()))) {
        findings.add(Link.PORT, b.name(), "nodePort " + b.port(),
            s.nodePort().map(p -> "nodePort " + p).orElse("no nodePort"), b.source(), s.portSource());
      }
    })));
    for (String dc : chain.datacenters()) {
      Workload w = chain.workload(dc).orElseThrow();
      ServiceFact s = chain.service(dc).orElseThrow();
      s.targetPort().ifPresent(target -> {
        boolean reaches = w.containerPort().map(String::valueOf).filter(target::equals).isPresent()
            || w.containerPortName().filter(target::equals).isPresent();
        if (!reaches) {
          findings.add(Link.PORT, dc, "targetPort " + w.containerPort().map(String::valueOf).orElse("(none)")
                  + w.containerPortName().map(n -> " (or its name " + n + ")").orElse("") + ", the MediaWiki container's port",
              "targetPort " + target, s.portSource(), w.source("port"));
        }
      });
      Map<Integer, List<ServiceFact>> byNodePort = new TreeMap<>();
      chain.facts.services().stream()
          .filter(other -> other.datacenter().equals(dc) && other.type().equals("NodePort") && other.nodePort().isPresent())
          .forEach(other -> byNodePort.computeIfAbsent(other.nodePort().get(), p -> new ArrayList<>()).add(other));
      byNodePort.forEach((port, claimants) -> {
        if (claimants.size() > 1) {
          findings.add(Link.PORT, dc, "one Service per nodePort " + port,
              claimants.size() + " Services " + claimants.stream().map(c -> c.namespace() + "/" + c.name()).toList(),
              claimants.stream().map(ServiceFact::portSource).toArray(Source[]::new));
        }
      });
    }
  }
}
