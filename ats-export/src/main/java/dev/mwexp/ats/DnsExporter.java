package dev.mwexp.ats;

import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Exporter;
import dev.mwexp.model.Setup;

/** Compiles a setup into DNS CNAME records per datacenter, in zone-file syntax. */
public final class DnsExporter implements Exporter {

  @Override
  public String format() {
    return "dns";
  }

  @Override
  public Artifacts export(Setup setup) {
    // Not built yet: see the module's issue.
    return Artifacts.builder().build();
  }
}
