package dev.mwexp.k8s;

import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Exporter;
import dev.mwexp.export.YamlText;
import dev.mwexp.model.Datacenter;
import dev.mwexp.model.Setup;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kubernetes manifests, one object per file under {@code k8s/<dc>/}: {@code namespace.yaml} (when
 * asked for), {@code configmap-php.yaml}, {@code deployment.yaml} or {@code daemonset.yaml}, and
 * {@code service.yaml}. No alerting objects, ever: mw-experimental may be down.
 */
public final class KubernetesExporter implements Exporter {

  @Override
  public String format() {
    return "k8s";
  }

  @Override
  public Artifacts export(Setup setup) {
    Artifacts.Builder files = Artifacts.builder();
    for (Datacenter dc : setup.sortedDatacenters()) {
      String dir = "k8s/" + dc.name() + "/";
      if (setup.service().createNamespace()) {
        files.add(dir + "namespace.yaml", YamlText.write(namespace(setup)));
      }
      files.add(dir + "configmap-php.yaml", YamlText.write(PhpConfigMap.manifest(setup)));
      files.add(dir + setup.scheduling().workload().kind().toLowerCase(java.util.Locale.ROOT) + ".yaml",
          YamlText.write(Workload.manifest(setup, sorted(dc))));
      files.add(dir + "service.yaml", YamlText.write(NodePortService.manifest(setup)));
    }
    return files.build();
  }

  private static Datacenter sorted(Datacenter dc) {
    return dev.mwexp.model.ImmutableDatacenter.copyOf(dc).withHosts(dc.sortedHosts());
  }

  private static Map<String, Object> namespace(Setup setup) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", setup.service().namespace());
    metadata.put("labels", Labels.all(setup));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("apiVersion", "v1");
    doc.put("kind", "Namespace");
    doc.put("metadata", metadata);
    return doc;
  }
}
