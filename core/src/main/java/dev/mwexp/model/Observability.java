package dev.mwexp.model;

import java.util.SortedMap;
import org.immutables.value.Value;

/** What gives the service its own metrics and logs, apart from production MediaWiki. */
@Value.Immutable
public interface Observability {

  /** Labels mwexp sets itself (selector, servergroup, provenance); user labels may not take them. */
  java.util.List<String> RESERVED_LABELS = java.util.List.of("app", "release", "servergroup", "app.kubernetes.io/managed-by");

  /** Whether Prometheus scrapes the pods (annotation {@code prometheus.io/scrape}). */
  @Value.Default
  default boolean prometheusScrape() {
    return true;
  }

  /** The port the metrics exporter listens on inside the pod. */
  @Value.Default
  default int metricsPort() {
    return 9181;
  }

  /** Extra labels put on every object and pod, e.g. for log routing. */
  @Value.NaturalOrder
  SortedMap<String, String> labels();

  static ImmutableObservability.Builder builder() {
    return ImmutableObservability.builder();
  }
}
