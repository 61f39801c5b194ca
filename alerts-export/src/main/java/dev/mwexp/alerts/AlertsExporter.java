package dev.mwexp.alerts;

import dev.mwexp.export.Exporter;
import dev.mwexp.format.alerts.AlertExclusions;
import dev.mwexp.format.alerts.RuleFile;
import dev.mwexp.fragment.Fragment;
import dev.mwexp.model.SeriesFamily;
import dev.mwexp.model.Setup;
import java.util.List;

/**
 * mw-experimental's part of operations/alerts: in every team's rule files, the matchers that keep
 * its series out of each alerting rule that could select them. Nothing of it is a file of its own,
 * so {@code compile} writes nothing here; {@code sync} edits a checkout.
 */
public final class AlertsExporter implements Exporter {

  @Override
  public String format() {
    return "alerts";
  }

  @Override
  public List<Fragment> fragments(Setup setup) {
    return List.of(new Fragment(AlertsRepository.ALERTS, RuleFile.DIRECTORIES, new AlertExclusions(SeriesFamily.of(setup))));
  }
}
