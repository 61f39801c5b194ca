package dev.mwexp.benchmarks;

import dev.mwexp.model.Datacenter;
import dev.mwexp.model.Setup;
import dev.mwexp.model.Taint;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Baseline 2: the manifests mwexp's k8s exporter writes, built as fabric8 model objects and
 * serialized with fabric8's own YAML serializer — what a user would write by hand with fabric8.
 */
final class Fabric8Manifests {

  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private Fabric8Manifests() {}

  /** Path -> YAML, for Deployment setups (the benchmark's synthetic setups). */
  static Map<String, String> export(Setup setup) {
    Map<String, String> files = new TreeMap<>();
    for (Datacenter dc : setup.sortedDatacenters()) {
      String dir = "k8s/" + dc.name() + "/";
      files.put(dir + "configmap-php.yaml", YAML.asYaml(configMap(setup)));
      files.put(dir + "deployment.yaml", YAML.asYaml(deployment(setup, dc)));
      files.put(dir + "service.yaml", YAML.asYaml(service(setup)));
    }
    return files;
  }

  private static Map<String, String> selector(Setup s) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("app", s.service().name());
    m.put("release", s.service().release());
    return m;
  }

  private static Map<String, String> labels(Setup s) {
    Map<String, String> m = new TreeMap<>(s.service().observability().labels());
    m.putAll(selector(s));
    m.put("servergroup", s.service().servergroup());
    m.put("app.kubernetes.io/managed-by", "mwexp");
    return m;
  }

  private static HasMetadata configMap(Setup s) {
    Map<String, String> ini = new TreeMap<>(s.service().php().iniOverrides());
    ini.put("opcache.validate_timestamps", s.service().php().opcacheValidateTimestamps() ? "1" : "0");
    if (s.service().php().develMode()) {
      ini.putIfAbsent("opcache.revalidate_freq", "0");
      ini.putIfAbsent("display_errors", "On");
    }
    StringBuilder text = new StringBuilder("; mw-experimental php-fpm overrides, written by mwexp\n");
    ini.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    return new ConfigMapBuilder().withNewMetadata().withName(s.service().name() + "-php-overrides")
        .withNamespace(s.service().namespace()).withLabels(labels(s)).endMetadata()
        .withData(Map.of("99-mw-experimental.ini", text.toString())).build();
  }

  private static HasMetadata deployment(Setup s, Datacenter dc) {
    List<Toleration> tolerations = new ArrayList<>();
    for (Taint t : s.scheduling().taints()) {
      tolerations.add(new TolerationBuilder().withKey(t.key()).withOperator("Equal").withValue(t.value())
          .withEffect(t.effect().kubernetesName()).build());
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("prometheus.io/port", String.valueOf(s.service().observability().metricsPort()));
    annotations.put("prometheus.io/scrape", "true");
    return new DeploymentBuilder()
        .withNewMetadata().withName(s.service().name()).withNamespace(s.service().namespace()).withLabels(labels(s)).endMetadata()
        .withNewSpec().withReplicas(dc.hosts().size()).withNewStrategy().withType("Recreate").endStrategy()
        .withNewSelector().withMatchLabels(selector(s)).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(labels(s)).withAnnotations(annotations).endMetadata()
        .withNewSpec()
        .withNodeSelector(Map.of(s.scheduling().nodeLabel().key(), s.scheduling().nodeLabel().value()))
        .withTolerations(tolerations)
        .withNewAffinity().withNewPodAntiAffinity().addNewRequiredDuringSchedulingIgnoredDuringExecution()
        .withNewLabelSelector().withMatchLabels(selector(s)).endLabelSelector().withTopologyKey("kubernetes.io/hostname")
        .endRequiredDuringSchedulingIgnoredDuringExecution().endPodAntiAffinity().endAffinity()
        .addNewContainer().withName("mediawiki").withImage(s.service().image())
        .addNewEnv().withName("PHP_INI_SCAN_DIR").withValue(":/etc/php-mwexp.d").endEnv()
        .addNewEnv().withName("SERVERGROUP").withValue(s.service().servergroup()).endEnv()
        .addNewPort().withName("http").withContainerPort(s.service().port()).withProtocol("TCP").endPort()
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity(s.service().resources().requests().cpu()),
            "memory", new Quantity(s.service().resources().requests().memory())))
        .withLimits(Map.of("cpu", new Quantity(s.service().resources().limits().cpu()),
            "memory", new Quantity(s.service().resources().limits().memory())))
        .endResources()
        .addNewVolumeMount().withName("mediawiki-code").withMountPath(s.service().mountPath()).endVolumeMount()
        .addNewVolumeMount().withName("php-overrides").withMountPath("/etc/php-mwexp.d").withReadOnly(true).endVolumeMount()
        .endContainer()
        .addNewVolume().withName("mediawiki-code").withNewHostPath().withPath(s.service().mountPath()).withType("Directory").endHostPath().endVolume()
        .addNewVolume().withName("php-overrides").withNewConfigMap().withName(s.service().name() + "-php-overrides").endConfigMap().endVolume()
        .endSpec().endTemplate().endSpec().build();
  }

  private static HasMetadata service(Setup s) {
    return new ServiceBuilder()
        .withNewMetadata().withName(s.service().name()).withNamespace(s.service().namespace()).withLabels(labels(s)).endMetadata()
        .withNewSpec().withType("NodePort").withSelector(selector(s))
        .addNewPort().withName("http").withProtocol("TCP").withPort(s.service().port())
        .withTargetPort(new IntOrString(s.service().port())).withNodePort(s.service().port()).endPort()
        .withExternalTrafficPolicy("Local").withInternalTrafficPolicy("Local").endSpec().build();
  }
}
