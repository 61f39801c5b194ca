package dev.mwexp.format.alerts;

import dev.mwexp.format.promql.PromQl;
import dev.mwexp.fragment.Globs;
import dev.mwexp.model.SeriesFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which selectors of a rule file could select mw-experimental's series: a selector on one of a
 * family's metrics, in a file its Prometheus loads, whose every matcher on the family's labels
 * admits mw-experimental's value. A matcher on any other label is taken to admit it too (the
 * series may carry that label with any value), so a rule is never cleared by a guess.
 */
public final class Exposures {

  private Exposures() {}

  /** A selector of a rule that could select a family's series. */
  public record Exposure(RuleFile.Rule rule, PromQl.Selector selector, SeriesFamily family) {
    /** The selector as written, for messages: {@code apache_up{app="mediawiki"}}. */
    public String selectorText() {
      String expr = rule.exprValue();
      int end = selector.closeBrace() >= 0 ? selector.closeBrace() + 1
          : selector.start() + selector.metric().map(String::length).orElse(0);
      return expr.substring(selector.start(), end);
    }
  }

  /** An expression that is not PromQL as far as the reader goes: it cannot be cleared. */
  public record Unreadable(RuleFile.Rule rule, PromQl.SyntaxException problem) {}

  /** The result of judging one file. */
  public record Judged(List<Exposure> exposures, List<Unreadable> unreadable) {}

  public static Judged judge(RuleFile file, List<SeriesFamily> families) {
    List<Exposure> exposures = new ArrayList<>();
    List<Unreadable> unreadable = new ArrayList<>();
    List<SeriesFamily> loaded = families.stream().filter(f -> file.loadedBy(f.prometheus())).toList();
    if (loaded.isEmpty()) {
      return new Judged(exposures, unreadable);
    }
    for (RuleFile.Rule rule : file.alertingRules()) {
      List<PromQl.Selector> selectors;
      try {
        selectors = PromQl.selectors(rule.exprValue());
      } catch (PromQl.SyntaxException e) {
        unreadable.add(new Unreadable(rule, e));
        continue;
      }
      for (PromQl.Selector selector : selectors) {
        for (SeriesFamily family : loaded) {
          if (selects(selector, family)) {
            exposures.add(new Exposure(rule, selector, family));
          }
        }
      }
    }
    return new Judged(exposures, unreadable);
  }

  /** Whether the selector could select one of the family's series. */
  static boolean selects(PromQl.Selector selector, SeriesFamily family) {
    Optional<String> metric = selector.metric()
        .or(() -> selector.on("__name__").stream().filter(m -> m.op().equals("=")).map(PromQl.Matcher::value)
            .findFirst());
    if (metric.isEmpty() || !Globs.matchesAny(family.metrics(), metric.get())) {
      return false;
    }
    return selector.matchers().stream()
        .filter(m -> family.labels().containsKey(m.label()))
        .allMatch(m -> m.admits(family.labels().get(m.label())));
  }
}
