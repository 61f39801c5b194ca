package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.ServiceFact;
import dev.mwexp.consistency.facts.Workload;
import java.util.Objects;
import java.util.TreeMap;

/** The Service selects the workload's pods: matching labels, in the pods' namespace. */
@ChainLink(value = "SELECTOR", needs = "hiera")
final class SelectorLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    for (String dc : chain.datacenters()) {
      Workload w = chain.workload(dc).orElseThrow();
      ServiceFact s = chain.service(dc).orElseThrow();
      boolean selects = !s.selector().isEmpty()
          && s.selector().entrySet().stream().allMatch(e -> Objects.equals(w.podLabels().get(e.getKey()), e.getValue()));
      if (!selects) {
        findings.add(Link.SELECTOR, dc, "a selector matching the pod labels " + new TreeMap<>(w.podLabels()),
            new TreeMap<>(s.selector()).toString(), s.source(), w.source("podLabels"));
      }
      if (!s.namespace().equals(w.namespace())) {
        // A Service selects pods of its own namespace only.
        findings.add(Link.SELECTOR, dc, "the Service in the pods' namespace " + w.namespace(), "namespace " + s.namespace(),
            s.source(), w.source());
      }
    }
  }
}
