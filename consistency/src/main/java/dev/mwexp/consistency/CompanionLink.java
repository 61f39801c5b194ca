package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.HostHiera;
import dev.mwexp.consistency.facts.Toleration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every node companion tolerates every taint of the dedicated hosts (their hiera's, and the spec's
 * when there is one): otherwise its pods are not
 * scheduled there (or evicted, for NoExecute), and MediaWiki on the host runs without its
 * mcrouter or its collector, with no error anywhere.
 */
@ChainLink(value = "COMPANION", summary = "every node companion tolerates every taint of the dedicated hosts",
    needs = "hiera", reads = CompanionsSource.class)
final class CompanionLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    Link link = Links.of(this);
    for (CompanionsSource.Read c : chain.facts.get(CompanionsSource.class).companions()) {
      if (c.tolerations().isEmpty()) {
        findings.add(link, c.companion().name(), "its values file, tolerating the hosts' taints", "no file " + c.file(),
            c.source());
        continue;
      }
      List<Toleration> tolerations = c.tolerations().get();
      // With a model, its taints too: they are what the hosts carry once puppet has the spec's hiera.
      chain.model.ifPresent(m -> {
        Set<String> untolerated = new TreeSet<>();
        m.scheduling().taints().stream().map(dev.mwexp.model.Taint::format)
            .filter(taint -> tolerations.stream().noneMatch(t -> t.tolerates(taint))).forEach(untolerated::add);
        if (!untolerated.isEmpty()) {
          findings.add(link, c.companion().name(), "tolerations of the spec's taints " + untolerated,
              "tolerations " + tolerations.stream().map(Toleration::format).toList(), c.source());
        }
      });
      chain.hostsInDatacenters().keySet().forEach(host -> {
        HostHiera h = chain.facts.hiera().get(host);
        Set<String> untolerated = new TreeSet<>();
        for (String taint : h.strings(chain.keys.nodeTaints())) {
          if (tolerations.stream().noneMatch(t -> t.tolerates(taint))) {
            untolerated.add(taint);
          }
        }
        if (!untolerated.isEmpty()) {
          findings.add(link, c.companion().name() + " on " + host, "tolerations of " + untolerated,
              "tolerations " + tolerations.stream().map(Toleration::format).toList(), c.source(),
              Chain.source(h, chain.keys.nodeTaints()));
        }
      });
    }
  }
}
