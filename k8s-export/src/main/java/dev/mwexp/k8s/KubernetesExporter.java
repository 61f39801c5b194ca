package dev.mwexp.k8s;

import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Exporter;
import dev.mwexp.model.Setup;

/** Compiles a setup into Kubernetes manifests per datacenter. */
public final class KubernetesExporter implements Exporter {

  @Override
  public String format() {
    return "k8s";
  }

  @Override
  public Artifacts export(Setup setup) {
    // Not built yet: see the module's issue.
    return Artifacts.builder().build();
  }
}
