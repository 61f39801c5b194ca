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

  /** The placeholders the URL templates may use. */
  java.util.List<String> URL_PLACEHOLDERS = java.util.List.of("{dc}", "{namespace}", "{release}", "{servergroup}",
      "{host}", "{fqdn}");

  /**
   * Where an engineer sees the service's metrics: Grafana's mw-on-k8s dashboard, filtered to the
   * datacenter, namespace and release ({@link #URL_PLACEHOLDERS}).
   */
  @Value.Default
  default String grafanaUrl() {
    return "https://grafana.wikimedia.org/d/U7JT--knk/mw-on-k8s?orgId=1&var-dc={dc}%20prometheus/k8s"
        + "&var-service=mediawiki&var-namespace={namespace}&var-release={release}";
  }

  /** Where an engineer reads the service's logs: OpenSearch Dashboards, by servergroup and host. */
  @Value.Default
  default String logstashUrl() {
    return "https://logstash.wikimedia.org/app/discover#/?_g=(time:(from:now-1h,to:now))"
        + "&_a=(query:(language:kuery,query:'servergroup:%22{servergroup}%22%20and%20host:%22{host}%22'))";
  }

  /** Extra labels put on every object and pod, e.g. for log routing. */
  @Value.NaturalOrder
  SortedMap<String, String> labels();

  static ImmutableObservability.Builder builder() {
    return ImmutableObservability.builder();
  }
}
