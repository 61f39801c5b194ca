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
 * CEL of its {@code allow-hostpath-<service>} ValidatingAdmissionPolicy (validations, the
 * variables they may read, the match conditions that decide whether it applies, and its failure
 * policy), and its namespace's labels in admin_ng. Nothing without a deployment-charts checkout,
 * or in compile's output, which holds neither.
 */
final class AdmissionSource implements FactsSource<AdmissionSource.Admission> {

  /** mw-experimental's policy: empty when its file is not there ({@code exists} false) or declares none. */
  record Policy(String name, String file, boolean exists, Optional<AdmissionPolicy> policy) {}

  /** The namespace's labels as admin_ng gives them; empty when it has no entry. */
  record Labels(String namespace, String file, Optional<Map<String, String>> labels, Source source) {}

  record Admission(Policy policy, Labels labels) {}

  @Override
  public Optional<Admission> read(SafeTree tree, ArtifactTrees trees, Optional<Setup> model,
      Consumer<TreeException> unreadable) {
    Path charts = trees.repositories().get(Repository.CHARTS);
    if (charts == null || !trees.holdsChain() || trees.everyRepository()) {
      return Optional.empty();
    }
    Setup setup = model.orElseGet(Spec::defaultSetup);
    String name = "allow-hostpath-" + setup.service().name();
    Path policyFile = charts.resolve("charts/validating-admission-policies/templates/custom-policies/" + name + "/"
        + name + ".yaml");
    Path namespaces = charts.resolve("helmfile.d/admin_ng/values/main.yaml");
    try {
      Optional<AdmissionPolicy> policy = Optional.empty();
      boolean exists = tree.exists(policyFile);
      if (exists) {
        for (YamlDocument doc : YamlDocument.read(tree, policyFile)) {
          policy = policy.or(() -> AdmissionPolicy.of(doc));
        }
      }
      Optional<Map<String, String>> labels = Optional.empty();
      int line = 0;
      if (tree.exists(namespaces)) {
        for (YamlDocument doc : YamlDocument.read(tree, namespaces)) {
          JsonNode entry = doc.root().path("namespaces").path(setup.service().namespace());
          if (entry.isObject()) {
            Map<String, String> map = new TreeMap<>();
            entry.path("labels").fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
            labels = Optional.of(map);
            line = doc.line("/namespaces/" + YamlDocument.escape(setup.service().namespace()) + "/labels");
          }
        }
      }
      return Optional.of(new Admission(new Policy(name, tree.name(policyFile), exists, policy),
          new Labels(setup.service().namespace(), tree.name(namespaces), labels, Source.of(tree.name(namespaces), line))));
    } catch (TreeException e) {
      unreadable.accept(e);
      return Optional.empty();
    }
  }
}
