package dev.mwexp.k8s;

import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Exporter;
import dev.mwexp.model.Setup;

/** Compiles a setup into values for Wikimedia's mediawiki chart under helmfile.d/services. */
public final class HelmValuesExporter implements Exporter {

  @Override
  public String format() {
    return "helm-values";
  }

  @Override
  public Artifacts export(Setup setup) {
    // Not built yet: see the module's issue.
    return Artifacts.builder().build();
  }
}
