package dev.mwexp.consistency;

import dev.cel.runtime.CelEvaluationException;
import dev.mwexp.consistency.AdmissionCel.Compiled;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.consistency.facts.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The cluster admits the pods: their namespace's labels let hostPath volumes through the Pod
 * Security policies and bind mw-experimental's allow-list policy, and that policy, run as the API
 * server runs it (AdmissionCel) on the pod the checkouts describe, admits them: its match
 * conditions decide whether it applies, its variables are evaluated in order, and every validation
 * is true. A mount path the policy does not list compiles, syncs and checks clean otherwise, and
 * every pod is rejected.
 */
@ChainLink(value = "ADMISSION", summary = "the namespace's labels and the hostPath policy admit the pods",
    needs = "hiera", reads = AdmissionSource.class)
final class AdmissionLink implements LinkCheck {

  private static final String DISALLOW_HOST_PATH = "pod-security.wmf.org/disallow-host-path";

  static void warmUp() {
    AdmissionCel.warmUp();
  }

  @Override
  public void check(Chain chain, Findings findings) {
    Link link = Links.of(this);
    AdmissionSource.Admission a = chain.facts.get(AdmissionSource.class);
    AdmissionSource.Labels ns = a.labels();
    String binding = "pod-security.wmf.org/" + a.policy().name();
    if (ns.labels().isEmpty()) {
      findings.add(link, "namespace " + ns.namespace(), "an entry with its labels in " + ns.file(), "none", ns.source());
    } else {
      Map<String, String> labels = ns.labels().get();
      if (!"exclude".equals(labels.get(DISALLOW_HOST_PATH))) {
        findings.add(link, "namespace " + ns.namespace(), DISALLOW_HOST_PATH + ": exclude (hostPath volumes allowed)",
            Objects.toString(labels.get(DISALLOW_HOST_PATH), "no such label"), ns.source());
      }
      if (!"include".equals(labels.get(binding))) {
        findings.add(link, "namespace " + ns.namespace(), binding + ": include (the allow-list policy bound)",
            Objects.toString(labels.get(binding), "no such label"), ns.source());
      }
    }
    Map<String, Compiled> compiled = new HashMap<>();
    for (String dc : chain.datacenters()) {
      chain.workload(dc).ifPresent(w -> new Admission(link, a.policy(), compiled, findings, w.datacenter() + " pods")
          .judge(w, hostPaths(chain, w), ns));
    }
  }

  /**
   * The host paths a pod mounts, by volume name: the chart's GeoIP databases, and the code, where
   * the spec says when there is one (a chart that mounts another path is MOUNT_PATH's to report),
   * else where the workload mounts it.
   */
  private static Map<String, String> hostPaths(Chain chain, Workload w) {
    if (w.hostPaths().isEmpty()) {
      return Map.of();
    }
    Map<String, String> paths = new LinkedHashMap<>();
    for (String p : dev.mwexp.model.Service.CHART_HOST_PATHS) {
      paths.put(p.substring(p.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT), p);
    }
    chain.model.ifPresentOrElse(m -> paths.put("mediawiki-code", m.service().mountPath()), () -> paths.putAll(w.hostPaths()));
    return paths;
  }

  /** One datacenter's pods before the policy. */
  private record Admission(Link link, AdmissionSource.Policy policy, Map<String, Compiled> compiled, Findings findings,
      String subject) {

    void judge(Workload w, Map<String, String> hostPaths, AdmissionSource.Labels ns) {
      if (hostPaths.isEmpty()) {
        return;
      }
      if (policy.validations().isEmpty()) {
        findings.add(link, subject, "the policy " + policy.name() + " admitting their hostPath volumes",
            "no file " + policy.file(), w.source("hostPaths"));
        return;
      }
      Map<String, Object> variables = new LinkedHashMap<>();
      Map<String, Object> activation = AdmissionRequest.activation(w, hostPaths, ns, variables);
      for (AdmissionSource.Named condition : policy.matchConditions()) {
        Object applies = evaluate(condition.expression(), activation, Map.of(), condition.source());
        if (Boolean.FALSE.equals(applies)) {
          return;   // the policy does not apply to these pods: nothing of it can reject them
        }
      }
      // In order, each seeing those before it, as the API server does; one that errs is absent,
      // and a validation that reads it errs with its error.
      Map<String, Failure> failed = new HashMap<>();
      for (AdmissionSource.Named v : policy.variables()) {
        Compiled c = compiled(v.expression());
        Object value = null;
        String error = c.error();
        if (error == null) {
          try {
            value = c.program().eval(activation);
          } catch (CelEvaluationException e) {
            error = AdmissionCel.firstLine(e);
          }
        }
        if (error == null) {
          variables.put(v.name(), value);
        } else {
          failed.put(v.name(), new Failure(error, v.source()));
        }
      }
      for (AdmissionSource.Validation v : policy.validations().get()) {
        Object admitted = evaluate(v.expression(), activation, failed, v.source());
        if (Boolean.FALSE.equals(admitted)) {
          findings.add(link, subject, "admitted by " + policy.name() + " (" + v.message().strip() + ")",
              "hostPath volumes " + new TreeSet<>(hostPaths.values()), v.source(), w.source("hostPaths"));
        }
      }
    }

    /** A bool, or null after reporting why there is none (unless the policy fails open). */
    private Object evaluate(String expression, Map<String, Object> activation, Map<String, Failure> failed,
        Source source) {
      Compiled c = compiled(expression);
      String error = c.error();
      List<Source> sources = new ArrayList<>(List.of(source));
      Failure read = c.variables().stream().map(failed::get).filter(Objects::nonNull).findFirst().orElse(null);
      if (error == null && read != null) {
        error = read.error() + " (in the variable it reads)";
        sources.add(read.source());
      }
      Object result = null;
      if (error == null) {
        try {
          result = c.program().eval(activation);
          if (!(result instanceof Boolean)) {
            error = "evaluates to " + result + ", not a bool";
          }
        } catch (CelEvaluationException e) {
          error = AdmissionCel.firstLine(e);
        }
      }
      if (error != null) {
        // failurePolicy: Ignore admits what errs; Fail, the default, rejects it.
        if (!policy.failOpen()) {
          findings.add(link, subject, "a CEL expression that evaluates", error, sources.toArray(Source[]::new));
        }
        return null;
      }
      return result;
    }

    private Compiled compiled(String expression) {
      return compiled.computeIfAbsent(expression, AdmissionCel::compile);
    }
  }

  private record Failure(String error, Source source) {}
}
