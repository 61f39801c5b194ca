package dev.mwexp.ats;

import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Exporter;
import dev.mwexp.model.Setup;

/** Compiles a setup into the ATS X-Wikimedia-Debug routing script and DNS records. */
public final class AtsExporter implements Exporter {

  @Override
  public String format() {
    return "ats";
  }

  @Override
  public Artifacts export(Setup setup) {
    // Not built yet: see the module's issue.
    return Artifacts.builder().build();
  }
}
