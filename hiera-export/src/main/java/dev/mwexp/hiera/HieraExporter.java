package dev.mwexp.hiera;

import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Exporter;
import dev.mwexp.model.Setup;

/** Compiles a setup into Puppet hieradata for every mw-experimental host. */
public final class HieraExporter implements Exporter {

  @Override
  public String format() {
    return "hiera";
  }

  @Override
  public Artifacts export(Setup setup) {
    // Not built yet: see the module's issue.
    return Artifacts.builder().build();
  }
}
