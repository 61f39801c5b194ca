package dev.mwexp.validation;

import dev.mwexp.model.Scheduling;
import dev.mwexp.model.Taint;
import dev.mwexp.validation.Problem.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules of scheduling: the node label, the taints and the workload kind. */
final class SchedulingRules extends Rules {

  SchedulingRules(List<Problem> problems) {
    super(problems);
  }

  void check(Scheduling s) {
    check("scheduling.nodeLabel", s.nodeLabel().key(), Grammar.LABEL_KEY, LABEL_KEY);
    check("scheduling.nodeLabel", s.nodeLabel().value(), Grammar.LABEL_VALUE, LABEL_VALUE);
    if (s.taints().isEmpty()) {
      add(
          Kind.MISSING,
          "scheduling.taints",
          "no taints: other workloads could be scheduled on the dedicated hosts",
          "at least dedicated=mw-experimental:NoSchedule");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < s.taints().size(); i++) {
      Taint t = s.taints().get(i);
      String path = "scheduling.taints[" + i + "]";
      // A taint reusing the label's key or value was judged with the label already.
      if (!t.key().equals(s.nodeLabel().key())) {
        check(path, t.key(), Grammar.LABEL_KEY, LABEL_KEY);
      }
      if (!t.value().equals(s.nodeLabel().value())) {
        check(path, t.value(), Grammar.LABEL_VALUE, LABEL_VALUE);
      }
      if (!seen.add(t.key() + ":" + t.effect())) {
        add(
            Kind.DUPLICATE,
            path,
            "taint " + t.format() + " repeats the key and effect of an earlier taint",
            "each key and effect once");
      }
    }
      Set<String> names = new HashSet<>();
    Set<String> files = new HashSet<>();
    for (int i = 0; i < s.companions().size(); i++) {
      dev.mwexp.model.Companion c = s.companions().get(i);
      String path = "scheduling.companions[" + i + "]";
      check(path + ".name", c.name(), Grammar.DNS_LABEL, "a DNS-1123 label such as mw-mcrouter");
      if (!dev.mwexp.files.SafePaths.isSafe(c.values()) || !c.values().endsWith(".yaml")) {
        add(Kind.INVALID_VALUE, path + ".values", "'" + c.values() + "' is not a YAML file inside deployment-charts",
            "a relative path such as helmfile.d/services/mw-mcrouter/values.yaml");
      }
      if (!names.add(c.name()) || !files.add(c.values())) {
        add(Kind.DUPLICATE, path, "companion " + c.name() + " (" + c.values() + ") is listed twice", "each companion once");
      }
    }
  }
}
