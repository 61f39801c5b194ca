package dev.mwexp.consistency;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.mwexp.consistency.facts.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster admits the pods: their namespace's labels let hostPath volumes through the Pod
 * Security policies and bind mw-experimental's allow-list policy, and every CEL validation of that
 * policy, run by the CEL engine Kubernetes uses on the pod's hostPath volumes, is true. A mount
 * path the policy does not list compiles, syncs and checks clean otherwise, and every pod is
 * rejected.
 */
@ChainLink(value = "ADMISSION", summary = "the namespace's labels and the hostPath policy admit the pods",
    needs = "hiera", reads = AdmissionSource.class)
final class AdmissionLink implements LinkCheck {

  /**
   * {@code object}, the admitted object, as Kubernetes declares it to a policy's expressions. In a
   * holder, made on first use: every command that lists the links (import, hosts) loads this
   * class, and only check evaluates CEL.
   */
  private static final class Engine {
    static final Cel CEL = CelFactory.standardCelBuilder()
        .setStandardMacros(dev.cel.parser.CelStandardMacro.STANDARD_MACROS)
        .addVar("object", SimpleType.DYN).build();
  }

  private static final String DISALLOW_HOST_PATH = "pod-security.wmf.org/disallow-host-path";

  private static final java.util.concurrent.atomic.AtomicBoolean WARMING = new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Starts CEL on another core while the trees are read: its first expression costs a cold JVM
   * about 100 ms (the standard library's declarations, protobuf's descriptors), a fifth of a
   * whole {@code check}. Once a JVM; a daemon thread that only compiles and runs one expression
   * of the policy's shape.
   */
  static void warmUp() {
    if (WARMING.compareAndSet(false, true)) {
      Thread t = new Thread(() -> {
        try {
          Engine.CEL.createProgram(Engine.CEL.compile("object.spec.volumes.all(v, !has(v.hostPath) || v.hostPath.path in ['/srv'])")
              .getAst()).eval(Map.of("object", pod(Map.of("srv", "/srv"))));
        } catch (CelValidationException | CelEvaluationException | RuntimeException e) {
          // Only a head start: the check itself compiles and reports.
        }
      }, "mwexp-cel-warm-up");
      t.setDaemon(true);
      t.start();
    }
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
            java.util.Objects.toString(labels.get(DISALLOW_HOST_PATH), "no such label"), ns.source());
      }
      if (!"include".equals(labels.get(binding))) {
        findings.add(link, "namespace " + ns.namespace(), binding + ": include (the allow-list policy bound)",
            java.util.Objects.toString(labels.get(binding), "no such label"), ns.source());
      }
    }
    Map<String, Compiled> compiled = new java.util.HashMap<>();
    for (String dc : chain.datacenters()) {
      chain.workload(dc).ifPresent(w -> judge(link, a.policy(), w, hostPaths(chain, w), compiled, findings));
    }
  }

  /** An expression compiled once for every datacenter's pods: its program, or why it has none. */
  private record Compiled(CelRuntime.Program program, String error) {

    static Compiled of(String expression) {
      try {
        return new Compiled(Engine.CEL.createProgram(Engine.CEL.compile(expression).getAst()), null);
      } catch (CelValidationException | CelEvaluationException e) {
        return new Compiled(null, firstLine(e));
      }
    }
  }

  /**
   * The host paths a pod mounts: the chart's GeoIP databases, and the code, where the spec says
   * when there is one (a chart that mounts another path is MOUNT_PATH's to report), else where
   * the workload mounts it.
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

  private static void judge(Link link, AdmissionSource.Policy policy, Workload w, Map<String, String> hostPaths,
      Map<String, Compiled> compiled, Findings findings) {
    if (hostPaths.isEmpty()) {
      return;
    }
    String subject = w.datacenter() + " pods";
    if (policy.validations().isEmpty()) {
      findings.add(link, subject, "the policy " + policy.name() + " admitting their hostPath volumes",
          "no file " + policy.file(), w.source("hostPaths"));
      return;
    }
    Map<String, Object> pod = pod(hostPaths);
    for (AdmissionSource.Validation v : policy.validations().get()) {
      Compiled c = compiled.computeIfAbsent(v.expression(), Compiled::of);
      String error = c.error();
      Object admitted = null;
      if (error == null) {
        try {
          admitted = c.program().eval(Map.of("object", pod));
        } catch (CelEvaluationException e) {
          error = firstLine(e);
        }
      }
      if (error != null) {
        findings.add(link, subject, "a CEL expression that evaluates", error, v.source());
        continue;
      }
      if (!Boolean.TRUE.equals(admitted)) {
        findings.add(link, subject, "admitted by " + policy.name() + " (" + v.message().strip() + ")",
            "hostPath volumes " + new java.util.TreeSet<>(hostPaths.values()), v.source(), w.source("hostPaths"));
      }
    }
  }

  private static String firstLine(Exception e) {
    return e.getMessage().lines().findFirst().orElse("");
  }

  /** The pod as the policy sees it: its volumes, each hostPath one with its path. */
  private static Map<String, Object> pod(Map<String, String> hostPaths) {
    List<Object> volumes = new ArrayList<>();
    hostPaths.forEach((name, path) -> {
      Map<String, Object> volume = new LinkedHashMap<>();
      volume.put("name", name);
      volume.put("hostPath", Map.of("path", path));
      volumes.add(volume);
    });
    return Map.of("spec", Map.of("volumes", volumes));
  }
}
