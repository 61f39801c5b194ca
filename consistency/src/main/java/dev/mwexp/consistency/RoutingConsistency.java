package dev.mwexp.consistency;

import dev.mwexp.model.Setup;
import java.util.Optional;

/**
 * Checks that hiera, Kubernetes and ATS agree: every X-Wikimedia-Debug backend resolves through a
 * CNAME to a host whose hiera turns mw-experimental on and carries the label and taints, in a
 * datacenter whose workload selects and tolerates them and puts one pod on every such host, behind a
 * Local NodePort Service on the backend's port, mounting the path hiera manages, with one
 * servergroup and nothing that alerts.
 *
 * <pre>{@code
 * RoutingConsistency.check(ArtifactTrees.of(Path.of("out"))).assertNone();
 * }</pre>
 */
public final class RoutingConsistency {

  private RoutingConsistency() {}

  /** Checks the trees against each other, with Wikimedia's hiera keys. */
  public static Report check(ArtifactTrees trees) {
    return check(trees, HieraKeys.WIKIMEDIA);
  }

  public static Report check(ArtifactTrees trees, HieraKeys keys) {
    AdmissionLink.warmUp();
    return new Checker(FactsReader.read(trees, keys, Optional.empty()), keys, Optional.empty(), trees.service()).run();
  }

  /** Checks the trees against each other and against what the model says they should route. */
  public static Report check(ArtifactTrees trees, Setup model) {
    HieraKeys keys = HieraKeys.of(model);
    AdmissionLink.warmUp();
    return new Checker(FactsReader.read(trees, keys, Optional.of(model)), keys, Optional.of(model), model.service().name()).run();
  }
}
