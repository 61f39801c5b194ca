package dev.mwexp.k8s;

import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Exporter;
import dev.mwexp.export.YamlText;
import dev.mwexp.model.Datacenter;
import dev.mwexp.model.Setup;
import dev.mwexp.model.Taint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values for Wikimedia's {@code mediawiki} chart, laid out as operations-deployment-charts keeps
 * a service: {@code helmfile.d/services/<service>/values.yaml} for what every datacenter shares
 * and {@code values-<dc>.yaml} for the replica count of that datacenter's hosts.
 */
public final class HelmValuesExporter implements Exporter {

  @Override
  public String format() {
    return "helm-values";
  }

  @Override
  public Artifacts export(Setup setup) {
    String dir = "helmfile.d/services/" + setup.service().name() + "/";
    Artifacts.Builder files = Artifacts.builder();
    files.add(dir + "values.yaml", YamlText.write(shared(setup)));
    for (Datacenter dc : setup.sortedDatacenters()) {
      Map<String, Object> resources = new LinkedHashMap<>();
      resources.put("replicas", dc.hosts().size());
      files.add(dir + "values-" + dc.name() + ".yaml", YamlText.write(Map.of("resources", resources)));
    }
    return files.build();
  }

  private static Map<String, Object> shared(Setup setup) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("strategy", Map.of("type", "Recreate"));
    values.put("mesh", Map.of("public_port", setup.service().port()));
    Map<String, Object> php = new LinkedHashMap<>();
    php.put("devel_mode", setup.service().php().develMode());
    php.put("servergroup", setup.service().servergroup());
    values.put("php", php);
    values.put("mw", Map.of("experimental", Map.of("enabled", true)));
    List<Object> tolerations = new ArrayList<>();
    for (Taint taint : setup.scheduling().taints()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("key", taint.key());
      t.put("value", taint.value());
      t.put("effect", taint.effect().kubernetesName());
      tolerations.add(t);
    }
    values.put("tolerations", tolerations);
    values.put("affinity", Map.of("nodeSelector",
        Map.of(setup.scheduling().nodeLabel().key(), setup.scheduling().nodeLabel().value())));
    Map<String, Object> mainApp = new LinkedHashMap<>();
    mainApp.put("image", setup.service().image());
    mainApp.put("requests", quantities(setup.service().resources().requests()));
    mainApp.put("limits", quantities(setup.service().resources().limits()));
    values.put("main_app", mainApp);
    return values;
  }

  private static Map<String, Object> quantities(dev.mwexp.model.Resources.Quantities q) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cpu", q.cpu());
    out.put("memory", q.memory());
    return out;
  }
}
