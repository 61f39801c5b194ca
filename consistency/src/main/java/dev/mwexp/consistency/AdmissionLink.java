package dev.mwexp.consistency;

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
 * server runs it (AdmissionPolicy) on the pod the checkouts describe, admits them. A mount path the policy does not list compiles, syncs and checks clean otherwise, and
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
      chain.workload(dc).ifPresent(w -> judge(link, a.policy(), w, hostPaths(chain, w), ns, compiled, findings));
    }
  }

  private static void judge(Link link, AdmissionSource.Policy policy, Workload w, Map<String, String> hostPaths,
      AdmissionSource.Labels ns, Map<String, Compiled> compiled, Findings findings) {
    if (hostPaths.isEmpty()) {
      return;
    }
    String subject = w.datacenter() + " pods";
    if (policy.policy().isEmpty()) {
      findings.add(link, subject, "the policy " + policy.name() + " admitting their hostPath volumes",
          (policy.exists() ? "no ValidatingAdmissionPolicy in " : "no file ") + policy.file(), w.source("hostPaths"));
      return;
    }
    Map<String, Object> request = AdmissionRequest.activation(AdmissionRequest.pod(w, hostPaths), ns.namespace(),
        ns.labels().orElse(Map.of()));
    for (AdmissionPolicy.Outcome o : policy.policy().get().judge(request, compiled)) {
      if (o.message() != null) {
        List<Source> sources = new ArrayList<>(o.sources());
        sources.add(w.source("hostPaths"));
        findings.add(link, subject, "admitted by " + policy.name() + " (" + o.message().strip() + ")",
            "hostPath volumes " + new TreeSet<>(hostPaths.values()), sources.toArray(Source[]::new));
      } else {
        findings.add(link, subject, "a CEL expression that evaluates", o.error(), o.sources().toArray(Source[]::new));
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
