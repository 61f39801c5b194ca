package dev.mwexp.tests.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mwexp.consistency.AdmissionPolicy;
import dev.mwexp.consistency.read.LabelSelector;
import dev.mwexp.format.yaml.YamlDocument;
import dev.mwexp.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What the ADMISSION link judges on the pod the checkouts describe, judged here on the pod real
 * Helm renders: mw-experimental's release of the mediawiki chart, in eqiad and codfw, is admitted
 * by every ValidatingAdmissionPolicy whose binding selects its namespace (admin_ng's labels, and
 * the name label every namespace has), each run by mwexp's AdmissionPolicy. So the link's narrower
 * picture (the namespace's opt-outs, and the allow-list policy on the hostPath volumes) is borne
 * out by the whole pod and every policy. On the fixture, and on a real checkout when
 * {@code MWEXP_REAL_DEPLOYMENT_CHARTS} names one.
 */
class ClusterAdmitsRenderedPodsTest {

  private static final String SERVICE = "mw-experimental";
  private static final String POLICIES = "charts/validating-admission-policies/templates";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theFixturesPodsAreAdmittedByEveryPolicyBoundToTheirNamespace() throws Exception {
    Path checkout = Fixtures.realRepos().resolve("deployment-charts");
    Map<String, String> labels = namespaceLabels(checkout);
    Admission a = admission(checkout, labels);
    assertThat(a.bound()).contains("allow-hostpath-mw-experimental", "restrict-host-ports")
        .doesNotContain("disallow-host-path");
    assertThat(a.rejections()).isEmpty();
    // The namespace's opt-out is what keeps the ban on hostPath volumes off these pods.
    labels.remove("pod-security.wmf.org/disallow-host-path");
    Admission without = admission(checkout, labels);
    assertThat(without.bound()).contains("disallow-host-path");
    assertThat(without.rejections()).hasSize(2).allSatisfy(r -> assertThat(r)
        .contains("disallow-host-path: Pods of this namespace may not mount hostPath volumes."));
  }

  @Test
  void todaysPodsAreAdmittedByEveryPolicyBoundToTheirNamespace() throws Exception {
    String real = System.getenv("MWEXP_REAL_DEPLOYMENT_CHARTS");
    Assumptions.assumeTrue(real != null && !real.isBlank(), "MWEXP_REAL_DEPLOYMENT_CHARTS names no checkout");
    Path checkout = Path.of(real);
    Admission a = admission(checkout, namespaceLabels(checkout));
    System.out.println("ClusterAdmitsRenderedPodsTest: " + a.bound().size() + " policies bound to " + SERVICE + ": "
        + a.bound());
    assertThat(a.bound()).contains("allow-hostpath-mw-experimental");
    assertThat(a.rejections()).isEmpty();
  }

  private record Admission(List<String> bound, List<String> rejections) {}

  private static Admission admission(Path checkout, Map<String, String> labels) throws Exception {
    List<HelmfileReleases> releases = HelmfileReleases.of(checkout, "wmf-stable/mediawiki", List.of("eqiad", "codfw"),
        Path.of("src/test/resources/helmfile-defaults").toAbsolutePath()).stream()
        .filter(r -> r.service().equals(SERVICE)).toList();
    assertThat(releases).hasSize(2);
    Map<String, String> nsLabels = new TreeMap<>(labels);
    nsLabels.put("kubernetes.io/metadata.name", SERVICE);
    Map<String, AdmissionPolicy> policies = new TreeMap<>();
    List<JsonNode> bindings = new ArrayList<>();
    for (YamlDocument doc : documents(checkout.resolve(POLICIES))) {
      AdmissionPolicy.of(doc).ifPresent(p -> policies.put(p.name(), p));
      if (doc.root().path("kind").asText().equals("ValidatingAdmissionPolicyBinding")) {
        bindings.add(doc.root());
      }
    }
    List<String> bound = new ArrayList<>();
    for (JsonNode b : bindings) {
      boolean denies = false;
      for (JsonNode action : b.at("/spec/validationActions")) {
        denies |= action.asText().equals("Deny");
      }
      if (denies && LabelSelector.matches(b.at("/spec/matchResources/namespaceSelector"), nsLabels)) {
        bound.add(b.at("/spec/policyName").asText());
      }
    }
    List<String> rejections = new ArrayList<>();
    for (HelmfileReleases r : releases) {
      String rendered = r.render(checkout.resolve("charts/mediawiki"));
      assertThat(rendered).as(r.toString()).doesNotStartWith("helm failed");
      Map<String, Object> pod = pod(rendered, r);
      for (String name : bound) {
        AdmissionPolicy p = policies.get(name);
        assertThat(p).as("the policy " + name + " a binding names").isNotNull();
        p.rejections(pod, SERVICE, labels).forEach(why -> rejections.add(r + " " + name + ": " + why));
      }
    }
    return new Admission(bound, rejections);
  }

  /** The pod template of the release's one Deployment or DaemonSet, as the pod it creates. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> pod(String rendered, HelmfileReleases r) {
    List<JsonNode> workloads = YamlDocument.readAll(r.toString(), rendered).stream().map(YamlDocument::root)
        .filter(d -> List.of("Deployment", "DaemonSet").contains(d.path("kind").asText())).toList();
    assertThat(workloads).as(r + " renders one workload").hasSize(1);
    JsonNode template = workloads.get(0).at("/spec/template");
    assertThat(template.at("/spec/volumes").toString()).as(r.toString()).contains("hostPath");
    Map<String, Object> pod = new LinkedHashMap<>();
    pod.put("metadata", JSON.convertValue(template.path("metadata"), Map.class));
    pod.put("spec", JSON.convertValue(template.path("spec"), Map.class));
    return pod;
  }

  private static Map<String, String> namespaceLabels(Path checkout) throws IOException {
    Path main = checkout.resolve("helmfile.d/admin_ng/values/main.yaml");
    Map<String, String> labels = new TreeMap<>();
    for (YamlDocument doc : YamlDocument.readAll(main.toString(), Files.readString(main))) {
      doc.root().at("/namespaces/" + SERVICE + "/labels").properties()
          .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    }
    assertThat(labels).as("admin_ng's labels of " + SERVICE).isNotEmpty();
    return labels;
  }

  private static List<YamlDocument> documents(Path dir) throws IOException {
    List<YamlDocument> docs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/.chainsaw-test/"))
          .sorted().toList()) {
        docs.addAll(YamlDocument.readAll(dir.relativize(f).toString(), Files.readString(f)));
      }
    }
    return docs;
  }
}
