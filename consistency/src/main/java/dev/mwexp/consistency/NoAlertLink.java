package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.Source;
import dev.mwexp.format.alerts.Exposures;
import dev.mwexp.format.alerts.RuleFile;
import dev.mwexp.model.SeriesFamily;
import dev.mwexp.spec.Spec;
import java.util.List;

/**
 * No alerting rule of operations/alerts can fire for mw-experimental: none has a selector that
 * admits its series (by the model's series families), and every expression can be read.
 */
@ChainLink(value = "NO_ALERT", summary = "no alerting rule of operations/alerts can select mw-experimental's series",
    reads = AlertRulesSource.class)
final class NoAlertLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    List<SeriesFamily> families = SeriesFamily.of(chain.model.orElseGet(Spec::defaultSetup));
    Link link = Links.of(this);
    for (AlertRulesSource.Read read : chain.facts.get(AlertRulesSource.class).files()) {
      Exposures.Judged judged = Exposures.judge(read.file(), families);
      for (Exposures.Exposure e : judged.exposures()) {
        SeriesFamily f = e.family();
        findings.add(link, e.rule().alert(), "no selector admitting " + f.name() + " series with " + f.excludeBy() + "=\""
            + f.excludedValue() + "\"", e.selectorText(), Source.of(read.name(), line(read, e.rule(), e.selector().start())));
      }
      for (Exposures.Unreadable u : judged.unreadable()) {
        findings.add(link, u.rule().alert(), "an expression mwexp can read, to clear it", u.problem().getMessage(),
            Source.of(read.name(), u.rule().exprLine()));
      }
    }
  }

  /** The file's line of the expression's character {@code offset}; the expression's first line if unplaced. */
  private static int line(AlertRulesSource.Read read, RuleFile.Rule rule, int offset) {
    return rule.exprText().map(t -> dev.mwexp.format.Lines.number(read.text(), t.at(offset))).orElse(rule.exprLine());
  }
}
