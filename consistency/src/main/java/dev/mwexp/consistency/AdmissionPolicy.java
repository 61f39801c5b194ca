package dev.mwexp.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.runtime.CelEvaluationException;
import dev.mwexp.consistency.AdmissionCel.Compiled;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.format.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A ValidatingAdmissionPolicy run as the API server runs it on an object being created: its match
 * conditions decide whether it applies, its variables are evaluated in order (each seeing those
 * before it), and each validation must be true; an expression that errs rejects, unless
 * {@code failurePolicy: Ignore}. CEL as AdmissionCel compiles it. The ADMISSION link runs it on
 * the pod the checkouts describe; a test can run it on the pod Helm renders.
 */
public final class AdmissionPolicy {

  record Validation(String expression, String message, Source source) {}

  /** A named expression: one of the policy's variables, or one of its match conditions. */
  record Named(String name, String expression, Source source) {}

  /**
   * Why the policy rejects: a validation that is false ({@code message}, the validation's), or an
   * expression that errs ({@code error}).
   */
  record Outcome(String message, String error, List<Source> sources) {}

  private final String name;
  private final List<Validation> validations;
  private final List<Named> variables;
  private final List<Named> matchConditions;
  private final boolean failOpen;
  private final boolean podCreation;

  private AdmissionPolicy(String name, List<Validation> validations, List<Named> variables,
      List<Named> matchConditions, boolean failOpen, boolean podCreation) {
    this.name = name;
    this.validations = List.copyOf(validations);
    this.variables = List.copyOf(variables);
    this.matchConditions = List.copyOf(matchConditions);
    this.failOpen = failOpen;
    this.podCreation = podCreation;
  }

  /** The policy a document declares, if it is a ValidatingAdmissionPolicy; its expressions' lines name its file. */
  public static Optional<AdmissionPolicy> of(YamlDocument doc) {
    if (!doc.root().path("kind").asText().equals("ValidatingAdmissionPolicy")) {
      return Optional.empty();
    }
    JsonNode spec = doc.root().path("spec");
    List<Validation> validations = new ArrayList<>();
    JsonNode list = spec.path("validations");
    for (int i = 0; i < list.size(); i++) {
      validations.add(new Validation(list.get(i).path("expression").asText(""), list.get(i).path("message").asText(""),
          Source.at(doc, "/spec/validations/" + i + "/expression")));
    }
    return Optional.of(new AdmissionPolicy(doc.root().path("metadata").path("name").asText(""), validations,
        named(doc, "variables"), named(doc, "matchConditions"), spec.path("failurePolicy").asText().equals("Ignore"),
        podCreation(spec.path("matchConstraints"))));
  }

  /**
   * Whether the policy's matchConstraints take a pod being created: a resource rule of the core
   * group ({@code ""} or {@code *}), for {@code pods} (or {@code *}), on CREATE (or {@code *}). A
   * policy without matchConstraints, which the API server would not store, is taken to.
   */
  private static boolean podCreation(JsonNode constraints) {
    if (constraints.isMissingNode()) {
      return true;
    }
    for (JsonNode rule : constraints.path("resourceRules")) {
      if (holds(rule.path("apiGroups"), "") && holds(rule.path("resources"), "pods")
          && holds(rule.path("operations"), "CREATE")) {
        return true;
      }
    }
    return false;
  }

  private static boolean holds(JsonNode list, String wanted) {
    for (JsonNode item : list) {
      if (item.asText().equals(wanted) || item.asText().equals("*")) {
        return true;
      }
    }
    return false;
  }

  private static List<Named> named(YamlDocument doc, String field) {
    List<Named> named = new ArrayList<>();
    JsonNode list = doc.root().path("spec").path(field);
    for (int i = 0; i < list.size(); i++) {
      named.add(new Named(list.get(i).path("name").asText(""), list.get(i).path("expression").asText(""),
          Source.at(doc, "/spec/" + field + "/" + i + "/expression")));
    }
    return named;
  }

  public String name() {
    return name;
  }

  /** Whether its matchConstraints take a pod being created; one that does not never judges a pod. */
  boolean matchesPodCreation() {
    return podCreation;
  }

  /** Whether any of its expressions has {@code text} in it: one that never names a field cannot read it. */
  boolean mentions(String text) {
    return validations.stream().anyMatch(v -> v.expression().contains(text))
        || variables.stream().anyMatch(v -> v.expression().contains(text))
        || matchConditions.stream().anyMatch(v -> v.expression().contains(text));
  }

  /**
   * Why the API server would refuse to create {@code pod} (a Pod as a map of its fields, as a
   * manifest or Helm writes it) in a namespace with these labels: each false validation's message,
   * each error with its file and line. Empty: this policy admits it.
   */
  public List<String> rejections(Map<String, Object> pod, String namespace, Map<String, String> namespaceLabels) {
    List<String> out = new ArrayList<>();
    for (Outcome o : judge(AdmissionRequest.activation(pod, namespace, namespaceLabels), new HashMap<>())) {
      out.add((o.message() != null ? o.message().strip() : o.error()) + " "
          + o.sources().stream().map(Source::format).toList());
    }
    return out;
  }

  /**
   * What rejects the pod being created in {@code activation}: nothing, when the policy does not
   * match pod creation; compiled expressions are shared through {@code compiled}.
   */
  List<Outcome> judge(Map<String, Object> activation, Map<String, Compiled> compiled) {
    if (!podCreation) {
      return List.of();
    }
    Map<String, Object> bound = new HashMap<>(activation);
    Map<String, Object> values = new LinkedHashMap<>();
    bound.put(AdmissionCel.VARIABLES, values);
    List<Outcome> out = new ArrayList<>();
    Run run = new Run(bound, compiled, new HashMap<>(), failOpen, out);
    for (Named condition : matchConditions) {
      if (Boolean.FALSE.equals(run.bool(condition.expression(), condition.source()))) {
        return List.of();   // the policy does not apply: nothing of it can reject
      }
    }
    for (Named v : variables) {
      Value value = run.evaluate(v.expression());
      if (value.error() == null) {
        values.put(v.name(), value.value());
      } else {
        List<Source> sources = new ArrayList<>(List.of(v.source()));
        sources.addAll(value.from());
        run.failed().put(v.name(), new Outcome(null, value.error(), sources));
      }
    }
    for (Validation v : validations) {
      if (Boolean.FALSE.equals(run.bool(v.expression(), v.source()))) {
        out.add(new Outcome(v.message(), null, List.of(v.source())));
      }
    }
    return out;
  }

  /**
   * An expression's value, or why it has none; {@code from} holds the sources of the variable it
   * read whose error it inherits (the API server evaluates that variable when it is read).
   */
  private record Value(Object value, String error, List<Source> from) {}

  /** One evaluation: the bound variables, and the variables that erred, which a reader of them inherits. */
  private record Run(Map<String, Object> bound, Map<String, Compiled> cache, Map<String, Outcome> failed,
      boolean failOpen, List<Outcome> out) {

    Value evaluate(String expression) {
      Compiled c = cache.computeIfAbsent(expression, AdmissionCel::compile);
      if (c.error() != null) {
        return new Value(null, c.error(), List.of());
      }
      Outcome read = c.variables().stream().map(failed::get).filter(Objects::nonNull).findFirst().orElse(null);
      if (read != null) {
        return new Value(null, read.error(), read.sources());
      }
      try {
        return new Value(c.program().eval(bound), null, List.of());
      } catch (CelEvaluationException e) {
        return new Value(null, AdmissionCel.firstLine(e), List.of());
      }
    }

    /** A bool, or null after recording why there is none (unless the policy fails open). */
    Object bool(String expression, Source source) {
      Value v = evaluate(expression);
      String error = v.error();
      if (error == null && !(v.value() instanceof Boolean)) {
        error = "evaluates to " + v.value() + ", not a bool";
      }
      if (error == null) {
        return v.value();
      }
      // failurePolicy: Ignore admits what errs; Fail, the default, rejects it.
      if (!failOpen) {
        List<Source> sources = new ArrayList<>(List.of(source));
        sources.addAll(v.from());
        out.add(new Outcome(null, v.from().isEmpty() ? error : error + " (in the variable it reads)", sources));
      }
      return null;
    }
  }
}
