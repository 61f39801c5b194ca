package dev.mwexp.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mwexp.export.Artifacts;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import dev.mwexp.testing.SetupGenerators;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.schema.validator.ValidationMessage;
import io.fabric8.kubernetes.schema.validator.Validator;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every manifest against the real Kubernetes API: the OpenAPI schema (fabric8's validator) and
 * the fabric8 model classes, which must hold every field (none left in additionalProperties).
 */
class KubernetesSchemaTest {

  private static final Map<String, Class<? extends KubernetesResource>> KINDS =
      Map.of("Deployment", Deployment.class, "DaemonSet", DaemonSet.class, "Service", Service.class,
          "ConfigMap", ConfigMap.class, "Namespace", Namespace.class);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static Validator validator;

  @BeforeAll
  static void loadSchema() {
    validator = Validator.newInstance();
  }

  /** The validator's one known false positive: an integer targetPort (an IntOrString). */
  private static boolean isKnownFalsePositive(ValidationMessage m) {
    return m.getMessage().startsWith("[Path '/spec/ports/0/targetPort'] Instance type (integer) does not match");
  }

  private static void assertValid(Artifacts artifacts) throws Exception {
    for (Map.Entry<String, String> file : artifacts.files().entrySet()) {
      JsonNode doc = YAML.readTree(file.getValue());
      String kind = doc.path("kind").asText();
      assertThat(KINDS).as("kind %s of %s is one we map", kind, file.getKey()).containsKey(kind);
      assertThat(doc.path("apiVersion").asText()).isEqualTo(kind.equals("Deployment") || kind.equals("DaemonSet") ? "apps/v1" : "v1");
      List<String> errors = new ArrayList<>();
      for (ValidationMessage m : validator.validate(doc).getMessages()) {
        if (m.getLevel() == ValidationMessage.Level.ERROR && !isKnownFalsePositive(m)) {
          errors.add(m.getMessage());
        }
      }
      assertThat(errors).as(file.getKey() + "\n" + file.getValue()).isEmpty();
      KubernetesResource parsed = SERIALIZATION.unmarshal(file.getValue(), KINDS.get(kind));
      assertThat(unknownFields(parsed, "", new IdentityHashMap<>())).as(file.getKey()).isEmpty();
    }
  }

  @Test
  void theValidatorCatchesWhatItShould() {
    JsonNode bad = YAML.valueToTree(Map.of("apiVersion", "v1", "kind", "Service",
        "metadata", Map.of("name", "x"), "spec", Map.of("type", "NodePort", "ports", List.of(Map.of("port", "not-a-number")), "bogusField", 1)));
    assertThat(validator.validate(bad).getMessages()).extracting(ValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).contains("bogusField"));
  }

  @Test
  void theModelWalkFindsFieldsTheApiDoesNotHave() {
    Service service = SERIALIZATION.unmarshal(
        "apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {type: NodePort, externalTrafficPolicy: Local, bogus: 1}\n",
        Service.class);
    assertThat(unknownFields(service, "", new IdentityHashMap<>())).containsExactly(".Spec.bogus");
  }

  @Test
  void onlyTheIntegerTargetPortIsAllowListed() throws Exception {
    String service = new KubernetesExporter().export(Spec.defaultSetup()).get("k8s/eqiad/service.yaml");
    List<ValidationMessage> errors = validator.validate(YAML.readTree(service)).getMessages().stream()
        .filter(m -> m.getLevel() == ValidationMessage.Level.ERROR).toList();
    // Exactly the one known false positive, and it is what the filter lets through.
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).getMessage()).isEqualTo(
        "[Path '/spec/ports/0/targetPort'] Instance type (integer) does not match any allowed primitive type (allowed: [\"string\"])");
    assertThat(isKnownFalsePositive(errors.get(0))).isTrue();
  }

  @Test
  void defaultSetupManifestsAreValidKubernetesObjects() throws Exception {
    Setup setup = dev.mwexp.model.ImmutableSetup.copyOf(Spec.defaultSetup())
        .withService(dev.mwexp.model.ImmutableService.copyOf(Spec.defaultSetup().service()).withCreateNamespace(true));
    assertValid(new KubernetesExporter().export(setup));
  }

  @Test
  void generatedSetupsManifestsAreValidKubernetesObjects() {
    qt().withExamples(100).forAll(SetupGenerators.setups()).checkAssert(setup -> {
      try {
        assertValid(new KubernetesExporter().export(setup));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  /** Paths of fields fabric8 kept in additionalProperties: fields the API does not have. */
  private static List<String> unknownFields(Object value, String path, Map<Object, Boolean> seen) {
    List<String> out = new ArrayList<>();
    if (value == null || seen.put(value, true) != null) {
      return out;
    }
    if (value instanceof Collection<?> c) {
      int i = 0;
      for (Object item : c) {
        out.addAll(unknownFields(item, path + "[" + i++ + "]", seen));
      }
      return out;
    }
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.addAll(unknownFields(v, path + "." + k, seen)));
      return out;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return out;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
        continue;
      }
      try {
        Object field = getter.invoke(value);
        if (getter.getName().equals("getAdditionalProperties")) {
          if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
            extra.keySet().forEach(k -> out.add(path + "." + k));
          }
        } else if (!Set.of("getKind", "getApiVersion", "getPlural", "getSingular", "getFullResourceName").contains(getter.getName())) {
          out.addAll(unknownFields(field, path + "." + getter.getName().substring(3), seen));
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // Static or computed getters fabric8 adds are not fields.
      }
    }
    return out;
  }
}
