package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.HostHiera;
import dev.mwexp.consistency.facts.Workload;
import java.util.List;
import java.util.Map;

/** The host carries every label the workload's nodeSelector asks for. */
@ChainLink(value = "LABEL", needs = "hiera")
final class LabelLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    chain.hostsInDatacenters().forEach((host, dc) -> {
      HostHiera h = chain.facts.hiera().get(host);
      Workload w = chain.workload(dc).orElseThrow();
      List<String> labels = h.strings(chain.keys.nodeLabels());
      for (Map.Entry<String, String> selector : w.nodeSelector().entrySet()) {
        String label = selector.getKey() + "=" + selector.getValue();
        if (!labels.contains(label)) {
          findings.add(Link.LABEL, host, label + " in " + chain.keys.nodeLabels(), labels.toString(),
              Chain.source(h, chain.keys.nodeLabels()), w.source("nodeSelector"));
        }
      }
    });
  }
}
