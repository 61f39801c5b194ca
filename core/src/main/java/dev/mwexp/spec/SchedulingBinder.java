package dev.mwexp.spec;

import dev.mwexp.model.ImmutableScheduling;
import dev.mwexp.model.NodeLabel;
import dev.mwexp.model.Scheduling;
import dev.mwexp.model.Taint;
import dev.mwexp.validation.Problem.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Binds the scheduling section: the node label, taints and workload kind, reporting through the binder. */
final class SchedulingBinder {

  private final SpecBinder binder;

  SchedulingBinder(SpecBinder binder) {
    this.binder = binder;
  }

  Scheduling scheduling(SpecBinder.Fields f) {
    ImmutableScheduling.Builder b = ImmutableScheduling.builder();
    f.string("nodeLabel").flatMap(s -> nodeLabel(f.path("nodeLabel"), s)).ifPresent(b::nodeLabel);
    f.stringList("taints")
        .ifPresent(
            taints -> {
              List<Taint> parsed = new ArrayList<>();
              for (int i = 0; i < taints.size(); i++) {
                taint(f.path("taints") + "[" + i + "]", taints.get(i)).ifPresent(parsed::add);
              }
              b.taints(parsed);
            });
    f.list("companions").ifPresent(companions -> {
      List<dev.mwexp.model.Companion> parsed = new ArrayList<>();
      for (int i = 0; i < companions.size(); i++) {
        String path = f.path("companions") + "[" + i + "]";
        binder.mappingValue(path, companions.get(i)).ifPresent(c -> {
          for (String key : List.of("name", "values")) {
            if (!c.has(key)) {
              binder.problem(Kind.MISSING, c.path(key), c.node, "companion has no " + key,
                  "{name: mw-mcrouter, values: helmfile.d/services/mw-mcrouter/values.yaml}");
            }
          }
          parsed.add(dev.mwexp.model.Companion.of(c.string("name").orElse(""), c.string("values").orElse("")));
          c.finish();
        });
      }
      b.companions(parsed);
    });
    f.string("workload")
        .ifPresent(
            w -> {
              switch (w) {
                case "Deployment" -> b.workload(Scheduling.Workload.DEPLOYMENT);
                case "DaemonSet" -> b.workload(Scheduling.Workload.DAEMONSET);
                default -> binder.problem(
                    Kind.INVALID_VALUE, f.path("workload"), null, "unknown workload '" + w + "'", "Deployment or DaemonSet");
              }
            });
    f.finish();
    return b.build();
  }

  Optional<NodeLabel> nodeLabel(String path, String text) {
    int eq = text.indexOf('=');
    if (eq < 0) {
      binder.problem(Kind.INVALID_VALUE, path, null, "label '" + text + "' has no '='", "key=value such as dedicated=mw-experimental");
      return Optional.empty();
    }
    return Optional.of(NodeLabel.of(text.substring(0, eq), text.substring(eq + 1)));
  }

  Optional<Taint> taint(String path, String text) {
    int colon = text.lastIndexOf(':');
    Optional<Taint.Effect> effect =
        colon < 0 ? Optional.empty() : Taint.Effect.fromKubernetesName(text.substring(colon + 1));
    if (effect.isEmpty()) {
      binder.problem(
          Kind.INVALID_VALUE,
          path,
          null,
          "taint '" + text + "' does not end in :NoSchedule, :PreferNoSchedule or :NoExecute",
          "key=value:Effect such as dedicated=mw-experimental:NoExecute");
      return Optional.empty();
    }
    String keyValue = text.substring(0, colon);
    int eq = keyValue.indexOf('=');
    String key = eq < 0 ? keyValue : keyValue.substring(0, eq);
    String value = eq < 0 ? "" : keyValue.substring(eq + 1);
    return Optional.of(Taint.of(key, value, effect.get()));
  }
}
