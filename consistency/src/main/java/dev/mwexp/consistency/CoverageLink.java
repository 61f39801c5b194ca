package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.Workload;
import java.util.List;

/** The workload puts exactly one pod on every host of its datacenter. */
@ChainLink(value = "COVERAGE", needs = "hiera")
final class CoverageLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    for (String dc : chain.datacenters()) {
      Workload w = chain.workload(dc).orElseThrow();
      List<String> hosts = chain.hostsOf(dc);
      if (w.kind().equals("Deployment")) {
        int replicas = w.replicas().orElse(1);
        // Anti-affinity only matters once two pods could meet on one host.
        if (replicas != hosts.size() || (replicas > 1 && !w.hostnameAntiAffinity())) {
          findings.add(Link.COVERAGE, dc,
              hosts.size() + " replicas (one per host " + hosts + ") kept apart by a required anti-affinity on kubernetes.io/hostname",
              replicas + " replicas" + (w.hostnameAntiAffinity() ? "" : " without that anti-affinity"), w.source("replicas"));
        }
      } else if (!w.kind().equals("DaemonSet")) {
        findings.add(Link.COVERAGE, dc, "a Deployment or DaemonSet", w.kind(), w.source());
      }
    }
  }
}
