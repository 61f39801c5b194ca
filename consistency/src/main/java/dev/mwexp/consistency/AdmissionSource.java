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

  record Validation(String expression, String message, Source source) {}

  /** A named expression of the policy: one of its variables, or one of its match conditions. */
  record Named(String name, String expression, Source source) {}

  /**
   * The policy; its validations are empty when the file is not there.
   *
   * @param failOpen {@code failurePolicy: Ignore}: an expression that errs admits the pod
   */
  record Policy(String name, String file, Optional<List<Validation>> validations, List<Named> variables,
      List<Named> matchConditions, boolean failOpen) {

    Policy(String name, String file) {
      this(name, file, Optional.empty(), List.of(), List.of(), false);
    }
  }

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
      Policy policy = new Policy(name, tree.name(policyFile));
      if (tree.exists(policyFile)) {
        List<Validation> found = new ArrayList<>();
        List<Named> variables = new ArrayList<>();
        List<Named> conditions = new ArrayList<>();
        boolean failOpen = false;
        for (YamlDocument doc : YamlDocument.read(tree, policyFile)) {
          if (!doc.root().path("kind").asText().equals("ValidatingAdmissionPolicy")) {
            continue;
          }
          JsonNode spec = doc.root().path("spec");
          JsonNode list = spec.path("validations");
          for (int i = 0; i < list.size(); i++) {
            found.add(new Validation(list.get(i).path("expression").asText(""), list.get(i).path("message").asText(""),
                Source.of(tree.name(policyFile), doc.line("/spec/validations/" + i + "/expression"))));
          }
          variables.addAll(named(tree.name(policyFile), doc, spec, "variables"));
          conditions.addAll(named(tree.name(policyFile), doc, spec, "matchConditions"));
          failOpen |= spec.path("failurePolicy").asText().equals("Ignore");
        }
        policy = new Policy(name, policy.file(), Optional.of(found), variables, conditions, failOpen);
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
      return Optional.of(new Admission(policy,
          new Labels(setup.service().namespace(), tree.name(namespaces), labels, Source.of(tree.name(namespaces), line))));
    } catch (TreeException e) {
      unreadable.accept(e);
      return Optional.empty();
    }
  }

  private static List<Named> named(String file, YamlDocument doc, JsonNode spec, String field) {
    List<Named> named = new ArrayList<>();
    JsonNode list = spec.path(field);
    for (int i = 0; i < list.size(); i++) {
      named.add(new Named(list.get(i).path("name").asText(""), list.get(i).path("expression").asText(""),
          Source.of(file, doc.line("/spec/" + field + "/" + i + "/expression"))));
    }
    return named;
  }
}
