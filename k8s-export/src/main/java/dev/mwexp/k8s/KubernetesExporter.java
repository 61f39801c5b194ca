package dev.mwexp.k8s;

import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Exporter;
import dev.mwexp.format.yaml.YamlText;
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
    // Only the workload differs between datacenters (its replicas): the rest is rendered once.
    String namespace = setup.service().createNamespace() ? YamlText.write(namespace(setup)) : null;
    String configMap = YamlText.write(PhpConfigMap.manifest(setup));
    String service = YamlText.write(NodePortService.manifest(setup));
    String workloadFile = setup.scheduling().workload().kind().toLowerCase(java.util.Locale.ROOT) + ".yaml";
    Artifacts.Builder files = Artifacts.builder();
    for (Datacenter dc : setup.sortedDatacenters()) {
      String dir = "k8s/" + dc.name() + "/";
      if (namespace != null) {
        files.add(dir + "namespace.yaml", namespace);
      }
      files.add(dir + "configmap-php.yaml", configMap);
      files.add(dir + workloadFile, YamlText.write(Workload.manifest(setup, dc)));
      files.add(dir + "service.yaml", service);
    }
    return files.build();
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
