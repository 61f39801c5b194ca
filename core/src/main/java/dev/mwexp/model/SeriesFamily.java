package dev.mwexp.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Series that carry mw-experimental's identity, as one Prometheus sees them: which metrics, the
 * labels that name the service and their values, and the label an alert rule excludes it by. A
 * rule whose selector admits these labels on one of these metrics could fire for mw-experimental.
 *
 * @param name what produces the series, for messages ({@code pods}, {@code kube-state-metrics})
 * @param prometheus the Prometheus instance that scrapes them ({@code k8s}, {@code ops}), as
 *     operations/alerts' {@code # deploy-tag:} names it
 * @param metrics globs of the metric names ({@code phpfpm_*}); {@code *} is any run of characters
 * @param labels the labels naming the service, with mw-experimental's values
 * @param excludeBy the label a rule excludes these series by; one of {@code labels}
 */
public record SeriesFamily(String name, String prometheus, List<String> metrics, Map<String, String> labels,
    String excludeBy) {

  public SeriesFamily {
    metrics = List.copyOf(metrics);
    labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    if (!labels.containsKey(excludeBy)) {
      throw new IllegalArgumentException(excludeBy + " is not among the labels " + labels.keySet());
    }
  }

  /** The value mw-experimental's series have on {@link #excludeBy}. */
  public String excludedValue() {
    return labels.get(excludeBy);
  }

  /**
   * Wikimedia's: what the MediaWiki pods export (php-fpm, httpd, envoy and PHP's exporters, with
   * the pod labels {@code app}, {@code deployment}, {@code release}), kube-state-metrics and
   * cadvisor on the {@code k8s} Prometheus (by namespace; kube-state-metrics' series of namespaced
   * objects only); on {@code ops}, the series derived from MediaWiki's logs (by servergroup) and the
   * systemd state of the code refresh's unit (by unit name). Other host-level series of the workers
   * (node exporter, {@code up} of the host's jobs) name no service and are not among them.
   */
  public static List<SeriesFamily> of(Setup setup) {
    Service s = setup.service();
    String ns = s.namespace();
    return List.of(
        new SeriesFamily("pods", "k8s", List.of("phpfpm_*", "apache_*", "envoy_*", "php_*", "mediawiki_*"),
            Map.of("app", "mediawiki", "deployment", ns, "kubernetes_namespace", ns, "namespace", ns,
                "release", s.release()),
            "deployment"),
        // Only the namespaced objects' series: a node's (kube_node_*) is the host's, not the service's.
        new SeriesFamily("kube-state-metrics", "k8s", List.of("kube_pod_*", "kube_deployment_*", "kube_daemonset_*",
            "kube_replicaset_*", "kube_service_*", "kube_endpoint_*", "kube_namespace_*", "kube_resourcequota*",
            "kube_limitrange*", "kube_poddisruptionbudget_*", "kube_horizontalpodautoscaler_*", "kube_configmap_*",
            "kube_secret_*", "kube_networkpolicy_*"), Map.of("namespace", ns), "namespace"),
        new SeriesFamily("cadvisor", "k8s", List.of("container_*"), Map.of("namespace", ns), "namespace"),
        new SeriesFamily("mediawiki-logs", "ops", List.of("log_mediawiki_*"), Map.of("servergroup", s.servergroup()),
            "servergroup"),
        // The refresh's own unit: a run that fails on a host broken on purpose must not page either
        // (SystemdUnitFailed reads the failed units through this recorded series).
        new SeriesFamily("refresh-unit", "ops",
            List.of("instance_name:node_systemd_unit_state_failed:count1", "node_systemd_unit_state"),
            Map.of("name", setup.codeRefresh().timerName() + ".service"), "name"));
  }
}
