package dev.mwexp.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * How mw-experimental gets the dedicated hosts to itself: the hosts carry the label and taints,
 * the pods select the label and tolerate the taints, and there is exactly one pod per host.
 */
@Value.Immutable
public interface Scheduling {

  @Value.Default
  default NodeLabel nodeLabel() {
    return NodeLabel.of("dedicated", "mw-experimental");
  }

  /** Defaults to NoExecute and NoSchedule with the node label's key and value. */
  @Value.Default
  default List<Taint> taints() {
    return List.of(
        Taint.of(nodeLabel().key(), nodeLabel().value(), Taint.Effect.NO_EXECUTE),
        Taint.of(nodeLabel().key(), nodeLabel().value(), Taint.Effect.NO_SCHEDULE));
  }

  /**
   * The node companions whose tolerations must match the taints: Wikimedia's are mcrouter and the
   * OpenTelemetry collector (node-local DaemonSets MediaWiki needs) and mw-parsoid, which shares
   * the hosts.
   */
  @Value.Default
  default List<Companion> companions() {
    return List.of(
        Companion.of("mw-mcrouter", "helmfile.d/services/mw-mcrouter/values.yaml"),
        Companion.of("opentelemetry-collector", "helmfile.d/admin_ng/opentelemetry-collector/values.yaml"),
        Companion.of("mw-parsoid", "helmfile.d/services/mw-parsoid/values.yaml"));
  }

  /** How one pod per host is achieved. */
  @Value.Default
  default Workload workload() {
    return Workload.DEPLOYMENT;
  }

  static ImmutableScheduling.Builder builder() {
    return ImmutableScheduling.builder();
  }

  /** The workload kind that keeps exactly one pod on every eligible host. */
  enum Workload {
    /** replicas = hosts, strategy Recreate, required anti-affinity on the hostname. */
    DEPLOYMENT("Deployment"),
    /** One pod per matching node by construction. */
    DAEMONSET("DaemonSet");

    private final String kind;

    Workload(String kind) {
      this.kind = kind;
    }

    /** The Kubernetes kind. */
    public String kind() {
      return kind;
    }
  }
}
