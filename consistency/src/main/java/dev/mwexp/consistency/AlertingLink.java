package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.AlertObject;

/** Nothing alerts: no host turns alerting on, and no alerting object stands beside the manifests. */
@ChainLink("ALERTING")
final class AlertingLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    chain.hostsInDatacenters().keySet().forEach(host -> chain.facts.hiera().get(host).get(chain.keys.alerting())
        .filter(v -> !Boolean.FALSE.equals(v.value()))
        .ifPresent(v -> findings.add(Link.ALERTING, host, chain.keys.alerting() + ": false", String.valueOf(v.value()),
            v.source())));
    for (AlertObject alert : chain.facts.alerts()) {
      findings.add(Link.ALERTING, alert.kind() + " " + alert.name(), "no alerting objects", alert.kind(), alert.source());
    }
  }
}
