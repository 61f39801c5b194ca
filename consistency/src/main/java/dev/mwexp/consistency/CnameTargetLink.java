package dev.mwexp.consistency;

/** A CNAME a backend goes through points at a name that is no host with hiera. */
@ChainLink(value = "CNAME_TARGET", needs = {"routing", "zones", "hiera"})
final class CnameTargetLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    chain.unresolved.stream().filter(u -> u.via() != null).forEach(u -> findings.add(Link.CNAME_TARGET, u.via().name(),
        "a host with hiera", u.name(), u.via().source(), u.backend().source()));
  }
}
