package dev.mwexp.model;

import org.immutables.value.Value;

/** An inclusive port range, such as the apiserver's {@code --service-node-port-range}. */
@Value.Immutable
public interface PortRange {

  /** Kubernetes' own default. */
  PortRange KUBERNETES_DEFAULT = of(30000, 32767);

  /**
   * Wikimedia exposes services on 4xxx NodePorts (4444 mwdebug, 4452 mw-parsoid, 4456
   * mw-experimental), outside Kubernetes' default.
   */
  PortRange WIKIMEDIA = of(4000, 4999);

  @Value.Parameter
  int min();

  @Value.Parameter
  int max();

  static PortRange of(int min, int max) {
    return ImmutablePortRange.of(min, max);
  }

  default boolean contains(int port) {
    return port >= min() && port <= max();
  }

  /** As the apiserver flag writes it: {@code 30000-32767}. */
  default String format() {
    return min() + "-" + max();
  }
}
