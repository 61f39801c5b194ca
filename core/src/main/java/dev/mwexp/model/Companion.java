package dev.mwexp.model;

import org.immutables.value.Value;

/**
 * A node-local workload the MediaWiki pod needs on its host (mcrouter, the OpenTelemetry
 * collector) or that shares the hosts (mw-parsoid): it must tolerate the hosts' taints, or its
 * pods vanish from them. Its tolerations live in its own values file in deployment-charts.
 */
@Value.Immutable
public interface Companion {

  /** The companion's name, for messages ({@code mw-mcrouter}). */
  @Value.Parameter
  String name();

  /** Its values file, relative to deployment-charts ({@code helmfile.d/services/mw-mcrouter/values.yaml}). */
  @Value.Parameter
  String values();

  static Companion of(String name, String values) {
    return ImmutableCompanion.of(name, values);
  }
}
