package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.ServiceFact;
import dev.mwexp.consistency.facts.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Service is a NodePort that keeps traffic on the node it reached. */
@ChainLink(value = "TRAFFIC_POLICY", needs = "hiera")
final class TrafficPolicyLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    for (String dc : chain.datacenters()) {
      ServiceFact s = chain.service(dc).orElseThrow();
      // Cluster policies matter once a datacenter has two hosts: a request for one host's code could
      // be served by the other's pod. With one host (Wikimedia's chart sets no policy) they do not.
      boolean policiesMatter = chain.hostsOf(dc).size() > 1 || s.externalTrafficPolicy().isPresent()
          || s.internalTrafficPolicy().isPresent();
      if (!s.type().equals("NodePort")
          || (policiesMatter && (!s.externalTrafficPolicy().equals(Optional.of("Local"))
              || !s.internalTrafficPolicy().equals(Optional.of("Local"))))) {
        List<Source> sources = new ArrayList<>(List.of(s.source()));
        s.policiesIgnored().ifPresent(sources::add);
        findings.add(Link.TRAFFIC_POLICY, dc, "type NodePort, externalTrafficPolicy Local, internalTrafficPolicy Local",
            "type " + s.type() + ", externalTrafficPolicy " + s.externalTrafficPolicy().orElse("Cluster")
                + ", internalTrafficPolicy " + s.internalTrafficPolicy().orElse("Cluster")
                + s.policiesIgnored().map(t -> " (the chart's " + t.file() + " sets no traffic policy from values;"
                    + " mwexp sync --with-change mediawiki-chart-traffic-policy vendors a mesh.service that does)")
                    .orElse(""),
            sources.toArray(Source[]::new));
      }
    }
  }
}
