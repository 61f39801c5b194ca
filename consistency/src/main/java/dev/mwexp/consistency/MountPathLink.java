package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.HostHiera;
import dev.mwexp.consistency.facts.Workload;
import java.util.Optional;

/** The pod mounts, from the host, the path the profile class manages, at the same path. */
@ChainLink(value = "MOUNT_PATH", needs = "hiera")
final class MountPathLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    chain.hostsInDatacenters().forEach((host, dc) -> {
      if (!chain.mountKnown(host)) {
        return;
      }
      HostHiera h = chain.facts.hiera().get(host);
      Workload w = chain.workload(dc).orElseThrow();
      String key = chain.keys.mountPath();
      Optional<String> mountPath = h.get(key).map(v -> String.valueOf(v.value()));
      String mounted = w.hostPaths().get(mountPath.orElse(""));
      if (mountPath.isEmpty() || mounted == null || !mounted.equals(mountPath.get())) {
        findings.add(Link.MOUNT_PATH, host, "hostPath " + mountPath.orElse("(" + key + ")") + " mounted at the same path",
            w.hostPaths().isEmpty() ? "no hostPath" : w.hostPaths().entrySet().stream()
                .map(e -> e.getKey() + " at " + e.getValue()).toList().toString(),
            Chain.source(h, key), w.source("hostPaths"));
      }
    });
  }
}
