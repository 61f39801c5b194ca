package dev.mwexp.consistency;

import dev.mwexp.consistency.AdmissionCel.Compiled;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.consistency.facts.Workload;
import dev.mwexp.consistency.read.LabelSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The cluster admits the pods. mw-experimental's allow-list policy is bound to their namespace and,
 * run as the API server runs it (AdmissionPolicy) on the pod the checkouts describe, admits them;
 * and no other policy bound to the namespace rejects them for their hostPath volumes: such a
 * policy is run on the pod with and without them, and what only the first run rejects is the
 * volumes' doing (the rest of the pod is the chart's, which the checkouts do not describe). A
 * policy whose expressions never name volumes cannot judge them and is not run. So the namespace's
 * opt-out of Pod Security's hostPath ban ({@code pod-security.wmf.org/disallow-host-path: exclude})
 * is checked as the binding reads it, and so is any other policy a label change would bind. A
 * mount path the policy does not list compiles, syncs and checks clean otherwise, and every pod is
 * rejected.
 */
@ChainLink(value = "ADMISSION", summary = "the namespace's labels and the hostPath policy admit the pods",
    needs = "hiera", reads = AdmissionSource.class)
final class AdmissionLink implements LinkCheck {

  static void warmUp() {
    AdmissionCel.warmUp();
  }

  @Override
  public void check(Chain chain, Findings findings) {
    Link link = Links.of(this);
    AdmissionSource.Admission a = chain.facts.get(AdmissionSource.class);
    AdmissionSource.Labels ns = a.labels();
    if (ns.labels().isEmpty()) {
      findings.add(link, "namespace " + ns.namespace(), "an entry with its labels in " + ns.file(), "none", ns.source());
    }
    Map<String, String> labels = AdmissionRequest.namespaceLabels(ns.namespace(), ns.labels().orElse(Map.of()));
    String own = a.policy().name();
    List<AdmissionSource.Binding> ownBindings = a.bindings().stream()
        .filter(b -> b.policyName().equals(own) && b.denies()).toList();
    if (a.policy().policy().isPresent()
        && ownBindings.stream().noneMatch(b -> LabelSelector.matches(b.namespaceSelector(), labels))) {
      if (ownBindings.isEmpty()) {
        findings.add(link, "namespace " + ns.namespace(), own + " bound to it (a ValidatingAdmissionPolicyBinding"
            + " with validationActions [Deny])", "none in " + AdmissionSource.POLICIES, ns.source());
      } else {
        AdmissionSource.Binding b = ownBindings.get(0);
        LabelSelector.Requirement unmet = LabelSelector.unmet(b.namespaceSelector(), labels).orElseThrow();
        findings.add(link, "namespace " + ns.namespace(), own + " bound to it (" + unmet.text() + ")",
            unmet.key() + ": " + Objects.toString(labels.get(unmet.key()), "no such label"), ns.source(), b.source());
      }
    }
    List<Bound> others = new ArrayList<>();
    for (AdmissionSource.Binding b : a.bindings()) {
      AdmissionPolicy p = a.policies().get(b.policyName());
      if (b.denies() && p != null && !b.policyName().equals(own) && p.mentions("volumes")
          && LabelSelector.matches(b.namespaceSelector(), labels)) {
        others.add(new Bound(p, b));
      }
    }
    Map<String, Compiled> compiled = new HashMap<>();
    for (String dc : chain.datacenters()) {
      chain.workload(dc).ifPresent(w -> {
        Map<String, String> hostPaths = hostPaths(chain, w);
        if (hostPaths.isEmpty()) {
          return;
        }
        Judged judged = new Judged(link, w, hostPaths, ns, labels, compiled, findings);
        judged.own(a.policy());
        others.forEach(judged::other);
      });
    }
  }

  private record Bound(AdmissionPolicy policy, AdmissionSource.Binding binding) {}

  /** One datacenter's pods before the policies. */
  private record Judged(Link link, Workload w, Map<String, String> hostPaths, AdmissionSource.Labels ns,
      Map<String, String> labels, Map<String, Compiled> compiled, Findings findings) {

    private String subject() {
      return w.datacenter() + " pods";
    }

    private Map<String, Object> request(Map<String, String> paths) {
      return AdmissionRequest.activation(AdmissionRequest.pod(w, paths), ns.namespace(), labels);
    }

    /** mw-experimental's own policy: everything it rejects, and every expression of it that errs. */
    void own(AdmissionSource.Policy policy) {
      if (policy.policy().isEmpty()) {
        findings.add(link, subject(), "the policy " + policy.name() + " admitting their hostPath volumes",
            (policy.exists() ? "no ValidatingAdmissionPolicy in " : "no file ") + policy.file(), w.source("hostPaths"));
        return;
      }
      if (!policy.policy().get().matchesPodCreation()) {
        findings.add(link, subject(), "the policy " + policy.name() + " matching pods on CREATE (its allow-list"
            + " applied to them)", "matchConstraints that take no pod being created in " + policy.file(),
            w.source("hostPaths"));
        return;
      }
      report(policy.name(), policy.policy().get().judge(request(hostPaths), compiled), List.of());
    }

    /** Another policy bound to the namespace: what it rejects only because of the hostPath volumes. */
    void other(Bound b) {
      List<AdmissionPolicy.Outcome> with = b.policy().judge(request(hostPaths), compiled);
      if (with.isEmpty()) {
        return;
      }
      List<AdmissionPolicy.Outcome> without = b.policy().judge(request(Map.of()), compiled);
      List<AdmissionPolicy.Outcome> theirs = new ArrayList<>(with);
      theirs.removeAll(without);
      report(b.policy().name(), theirs, List.of(b.binding().source(), ns.source()));
    }

    private void report(String policy, List<AdmissionPolicy.Outcome> outcomes, List<Source> why) {
      for (AdmissionPolicy.Outcome o : outcomes) {
        List<Source> sources = new ArrayList<>(o.sources());
        sources.addAll(why);
        if (o.message() != null) {
          sources.add(w.source("hostPaths"));
          findings.add(link, subject(), "admitted by " + policy + " (" + o.message().strip() + ")",
              "hostPath volumes " + new TreeSet<>(hostPaths.values()), sources.toArray(Source[]::new));
        } else {
          findings.add(link, subject(), "a CEL expression that evaluates", o.error(), sources.toArray(Source[]::new));
        }
      }
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
}
