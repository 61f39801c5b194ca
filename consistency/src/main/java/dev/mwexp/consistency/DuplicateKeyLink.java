package dev.mwexp.consistency;

/** The routing table sets a key twice (or a statement after it does): Lua keeps the last. */
@ChainLink(value = "DUPLICATE_KEY", needs = "routing")
final class DuplicateKeyLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    chain.facts.duplicateKeys().forEach(d -> findings.add(Link.DUPLICATE_KEY, d.key(), "the key set once (Lua keeps the last)",
        "set again at " + d.kept().format() + ", overriding " + d.overridden().format(), d.kept(), d.overridden()));
  }
}
