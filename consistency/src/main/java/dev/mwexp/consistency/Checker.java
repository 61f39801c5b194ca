package dev.mwexp.consistency;

import dev.mwexp.model.Setup;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs every link check ({@link Links#ALL}) over the chain the facts lay out, after the read
 * failures (MISSING, UNREADABLE). A check whose facts could not be read is skipped, and the report
 * says which were; host-level links judge once per host, datacenter-level ones once per
 * datacenter, so one broken fact yields one kind of violation.
 */
final class Checker {

  private final Facts facts;
  private final Chain chain;

  Checker(Facts facts, HieraKeys keys, Optional<Setup> model, String service) {
    this.facts = facts;
    this.chain = new Chain(facts, keys, model, service);
  }

  Report run() {
    Findings findings = new Findings();
    findings.addAll(facts.unreadable());
    Set<Link> skipped = new TreeSet<>();
    for (LinkCheck check : Links.ALL) {
      ChainLink about = Links.about(check);
      if (facts.unread(FactsReader.NO_CHAIN) && Link.BUILT_IN.contains(Links.of(check))) {
        continue; // only a plug-in's checkout was given: the chain's links have nothing to judge
      }
      boolean sourceUnread = Arrays.stream(about.reads()).map(Links::part).anyMatch(facts::unread);
      if (sourceUnread || Arrays.stream(about.needs()).anyMatch(facts::unread)) {
        skipped.add(Links.of(check));
        continue;
      }
      if (facts.read(about.reads())) {
        // A source that found nothing to read (its repository not given): nothing to judge.
        check.check(chain, findings);
      }
    }
    return new Report(findings.violations(), skipped);
  }
}
