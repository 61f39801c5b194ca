package dev.mwexp.alerts;

import dev.mwexp.fragment.Repository;
import dev.mwexp.fragment.RepositoryProvider;
import java.util.List;

/** operations/alerts: Prometheus rule files by team, recognised by its {@code team-*} directories. */
public final class AlertsRepository implements RepositoryProvider {

  static final Repository ALERTS = Repository.of("alerts", "operations/alerts",
      dev.mwexp.format.alerts.RuleFile.DIRECTORIES);

  @Override
  public List<Repository> repositories() {
    return List.of(ALERTS);
  }
}
