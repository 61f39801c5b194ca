package dev.mwexp.consistency;

/** A backend's target, taken straight, is neither a CNAME nor a host with hiera. */
@ChainLink(value = "HOST", needs = {"routing", "zones", "hiera"})
final class HostLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    chain.unresolved.stream().filter(u -> u.via() == null).forEach(u -> findings.add(Link.HOST, u.backend().name(),
        "a CNAME in the zone or a host with hiera", u.name(), u.backend().source()));
  }
}
