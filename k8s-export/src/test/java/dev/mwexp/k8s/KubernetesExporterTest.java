package dev.mwexp.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mwexp.export.Artifacts;
import dev.mwexp.model.Datacenter;
import dev.mwexp.model.Scheduling;
import dev.mwexp.model.Taint;
import dev.mwexp.spec.Spec;
import dev.mwexp.testing.SetupGenerators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KubernetesExporterTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  /** The golden trees were reviewed by hand against Wikimedia's mw-experimental values. */
  private static void assertGolden(Artifacts artifacts, String top) throws Exception {
    TreeMap<String, String> golden = new TreeMap<>();
    try (Stream<Path> files = Files.walk(GOLDEN.resolve(top))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        golden.put(GOLDEN.relativize(f).toString(), Files.readString(f));
      }
    }
    assertThat(artifacts.files()).containsExactlyEntriesOf(golden);
  }

  @Test
  void defaultSetupMatchesTheGoldenManifests() throws Exception {
    assertGolden(new KubernetesExporter().export(Spec.defaultSetup()), "k8s");
  }

  @Test
  void defaultSetupMatchesTheGoldenHelmValues() throws Exception {
    assertGolden(new HelmValuesExporter().export(Spec.defaultSetup()), "deployment-charts");
  }

  private static JsonNode doc(Artifacts a, String path) throws Exception {
    return YAML.readTree(a.get(path));
  }

  @Test
  void eachDatacentersWorkloadPinsOnePodToEachOfItsHosts() {
    qt().withExamples(500).forAll(SetupGenerators.setups()).checkAssert(setup -> {
      Artifacts a = new KubernetesExporter().export(setup);
      for (Datacenter dc : setup.datacenters()) {
        try {
          boolean deployment = setup.scheduling().workload() == Scheduling.Workload.DEPLOYMENT;
          JsonNode w = doc(a, "k8s/" + dc.name() + "/" + (deployment ? "deployment" : "daemonset") + ".yaml");
          JsonNode pod = w.path("spec").path("template").path("spec");
          assertThat(YAML.convertValue(pod.path("nodeSelector"), Map.class))
              .isEqualTo(Map.of(setup.scheduling().nodeLabel().key(), setup.scheduling().nodeLabel().value()));
          Set<String> tolerated = new TreeSet<>();
          pod.path("tolerations").forEach(t -> {
            assertThat(t.path("operator").asText()).isEqualTo("Equal");
            tolerated.add(t.path("key").asText() + "=" + t.path("value").asText() + ":" + t.path("effect").asText());
          });
          assertThat(tolerated).isEqualTo(setup.scheduling().taints().stream().map(Taint::format).collect(Collectors.toCollection(TreeSet::new)));
          if (deployment) {
            assertThat(w.path("spec").path("replicas").asInt()).isEqualTo(dc.hosts().size());
            assertThat(w.path("spec").path("strategy").path("type").asText()).isEqualTo("Recreate");
            JsonNode term = pod.path("affinity").path("podAntiAffinity").path("requiredDuringSchedulingIgnoredDuringExecution").get(0);
            assertThat(term.path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
          }
          JsonNode labels = w.path("spec").path("template").path("metadata").path("labels");
          w.path("spec").path("selector").path("matchLabels").fields()
              .forEachRemaining(e -> assertThat(labels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
          JsonNode volume = pod.path("volumes").get(0);
          assertThat(volume.path("hostPath").path("path").asText()).isEqualTo(setup.service().mountPath());
          assertThat(volume.path("hostPath").path("type").asText()).isEqualTo("Directory");
          JsonNode container = pod.path("containers").get(0);
          assertThat(container.path("volumeMounts").get(0).path("mountPath").asText()).isEqualTo(setup.service().mountPath());
          assertThat(container.path("env").toString()).contains("{\"name\":\"SERVERGROUP\",\"value\":\"" + setup.service().servergroup() + "\"}");

          JsonNode s = doc(a, "k8s/" + dc.name() + "/service.yaml");
          assertThat(s.path("spec").path("type").asText()).isEqualTo("NodePort");
          assertThat(s.path("spec").path("ports").get(0).path("nodePort").asInt()).isEqualTo(setup.service().port());
          assertThat(s.path("spec").path("externalTrafficPolicy").asText()).isEqualTo("Local");
          assertThat(s.path("spec").path("internalTrafficPolicy").asText()).isEqualTo("Local");
          s.path("spec").path("selector").fields()
              .forEachRemaining(e -> assertThat(labels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }
    });
  }

  @Test
  void nothingAlerts() {
    qt().withExamples(200).forAll(SetupGenerators.setups()).checkAssert(setup -> {
      for (String content : new KubernetesExporter().export(setup).files().values()) {
        assertThat(content).doesNotContain("PrometheusRule").doesNotContain("Alertmanager").doesNotContain("alert:");
      }
    });
  }

  @Test
  void helmValuesCarryEachDatacentersReplicasAndTheSharedScheduling() {
    qt().withExamples(300).forAll(SetupGenerators.setups()).checkAssert(setup -> {
      try {
        Artifacts a = new HelmValuesExporter().export(setup);
        String dir = "deployment-charts/helmfile.d/services/" + setup.service().name() + "/";
        JsonNode values = doc(a, dir + "values.yaml");
        assertThat(values.path("mesh").path("public_port").asInt()).isEqualTo(setup.service().port());
        assertThat(values.path("mw").path("experimental").path("enabled").asBoolean()).isTrue();
        // What keeps the common global.yaml from winning: rollingUpdate unset, resources not computed.
        assertThat(values.path("strategy").path("type").asText()).isEqualTo("Recreate");
        assertThat(values.path("strategy").has("rollingUpdate")).isTrue();
        assertThat(values.path("strategy").path("rollingUpdate").isNull()).isTrue();
        assertThat(values.at("/main_app/requests/auto_compute").asBoolean(true)).isFalse();
        assertThat(values.at("/main_app/limits/auto_compute").asBoolean(true)).isFalse();
        assertThat(values.at("/main_app/limits/enforce").asBoolean(true)).isFalse();
        assertThat(values.at("/main_app/limits/memory").asText()).isEqualTo(setup.service().resources().limits().memory());
        // The image comes from scap's release file.
        assertThat(a.files().values()).noneMatch(text -> text.contains("image"));
        assertThat(values.path("affinity").path("nodeSelector").path(setup.scheduling().nodeLabel().key()).asText())
            .isEqualTo(setup.scheduling().nodeLabel().value());
        assertThat(values.path("tolerations").size()).isEqualTo(setup.scheduling().taints().size());
        for (Datacenter dc : setup.datacenters()) {
          JsonNode perDc = doc(a, dir + "values-" + dc.name() + ".yaml");
          // helm's merge: the datacenter's file wins over values.yaml.
          JsonNode replicas = perDc.at("/resources/replicas").isMissingNode() ? values.at("/resources/replicas")
              : perDc.at("/resources/replicas");
          assertThat(replicas.asInt()).as(dc.name()).isEqualTo(dc.hosts().size());
        }
        assertThat(a.files()).hasSize(setup.datacenters().size() + 1);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }
}
