package dev.mwexp.consistency;

/** One link of the chain judged: one class each, annotated with {@link ChainLink}. */
interface LinkCheck {

  void check(Chain chain, Findings findings);
}
