package dev.mwexp.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.files.SafeTree;
import dev.mwexp.files.TreeException;
import dev.mwexp.format.yaml.YamlDocument;
import dev.mwexp.fragment.Repository;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What decides whether the cluster admits mw-experimental's pods, from deployment-charts: the
 * ValidatingAdmissionPolicies of the validating-admission-policies chart and their bindings
 * (mw-experimental's {@code allow-hostpath-<service>} among them), and its namespace's labels in
 * admin_ng, which the bindings select by. Nothing without a deployment-charts checkout, or in
 * compile's output, which holds neither.
 */
final class AdmissionSource implements FactsSource<AdmissionSource.Admission> {

  /** The chart every policy of the cluster is installed from (admin_ng's helmfile_vaps.yaml). */
  static final String POLICIES = "charts/validating-admission-policies/templates";

  /** mw-experimental's policy: empty when its file is not there ({@code exists} false) or declares none. */
  record Policy(String name, String file, boolean exists, Optional<AdmissionPolicy> policy) {}

  /**
   * A ValidatingAdmissionPolicyBinding: which namespaces a policy applies to.
   *
   * @param denies whether its validationActions include Deny (Warn and Audit reject nothing)
   */
  record Binding(String policyName, JsonNode namespaceSelector, boolean denies, Source source) {}

  /** The namespace's labels as admin_ng gives them; empty when it has no entry. */
  record Labels(String namespace, String file, Optional<Map<String, String>> labels, Source source) {}

  /**
   * @param policies every policy of the chart by name, mw-experimental's too; files that do not
   *     parse are other teams' and left out
   */
  record Admission(Policy policy, Map<String, AdmissionPolicy> policies, List<Binding> bindings, Labels labels) {}

  @Override
  public Optional<Admission> read(SafeTree tree, ArtifactTrees trees, Optional<Setup> model,
      Consumer<TreeException> unreadable) {
    Path charts = trees.repositories().get(Repository.CHARTS);
    if (charts == null || !trees.holdsChain() || trees.everyRepository()) {
      return Optional.empty();
    }
    Setup setup = model.orElseGet(Spec::defaultSetup);
    String name = "allow-hostpath-" + setup.service().name();
    Path policyFile = charts.resolve(POLICIES + "/custom-policies/" + name + "/" + name + ".yaml");
    Path namespaces = charts.resolve("helmfile.d/admin_ng/values/main.yaml");
    try {
      boolean exists = tree.exists(policyFile);
      Optional<AdmissionPolicy> policy = Optional.empty();
      Map<String, AdmissionPolicy> policies = new TreeMap<>();
      List<Binding> bindings = new ArrayList<>();
      Path dir = charts.resolve(POLICIES);
      for (Path f : tree.isDirectory(dir) ? tree.files(dir) : List.<Path>of()) {
        // The chart's tests (.chainsaw-test/) hold pods, not policies.
        if (!f.getFileName().toString().endsWith(".yaml") || dir.relativize(f).toString().contains("/.")) {
          continue;
        }
        List<YamlDocument> docs;
        try {
          docs = YamlDocument.read(tree, f);
        } catch (TreeException e) {
          if (f.equals(policyFile)) {
            throw e;
          }
          continue;   // another team's file: not judged, and no reason to stop the check
        }
        for (YamlDocument doc : docs) {
          Optional<AdmissionPolicy> declared = AdmissionPolicy.of(doc);
          declared.ifPresent(p -> policies.putIfAbsent(p.name(), p));
          if (f.equals(policyFile) && policy.isEmpty()) {
            policy = declared;   // mw-experimental's own: the first policy its file declares
          }
          JsonNode root = doc.root();
          if (root.path("kind").asText().equals("ValidatingAdmissionPolicyBinding")) {
            boolean denies = false;
            for (JsonNode action : root.path("spec").path("validationActions")) {
              denies |= action.asText().equals("Deny");
            }
            bindings.add(new Binding(root.path("spec").path("policyName").asText(),
                root.path("spec").path("matchResources").path("namespaceSelector"), denies,
                Source.at(doc, "/spec/matchResources/namespaceSelector")));
          }
        }
      }
      Optional<Map<String, String>> labels = Optional.empty();
      int line = 0;
      if (tree.exists(namespaces)) {
        for (YamlDocument doc : YamlDocument.read(tree, namespaces)) {
          JsonNode entry = doc.root().path("namespaces").path(setup.service().namespace());
          if (entry.isObject()) {
            Map<String, String> map = new TreeMap<>();
            entry.path("labels").properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
            labels = Optional.of(map);
            line = doc.line("/namespaces/" + YamlDocument.escape(setup.service().namespace()) + "/labels");
          }
        }
      }
      return Optional.of(new Admission(new Policy(name, tree.name(policyFile), exists, policy), policies, bindings,
          new Labels(setup.service().namespace(), tree.name(namespaces), labels, Source.of(tree.name(namespaces), line))));
    } catch (TreeException e) {
      unreadable.accept(e);
      return Optional.empty();
    }
  }
}
