package dev.mwexp.model;

import org.immutables.value.Value;

/** The Kubernetes service itself: names, image, the host-mounted code path, its port. */
@Value.Immutable
public interface Service {

  /** What the mediawiki chart mounts from every host besides the code: GeoIP's databases. */
  java.util.List<String> CHART_HOST_PATHS = java.util.List.of("/usr/share/GeoIP", "/usr/share/GeoIPInfo");

  /** Where the pods mount the php.ini overrides; no other mount may use this path. */
  String PHP_OVERRIDES_DIR = "/etc/php-mwexp.d";

  /** The service name, a DNS-1123 label; also the default namespace. */
  @Value.Default
  default String name() {
    return "mw-experimental";
  }

  @Value.Default
  default String namespace() {
    return name();
  }

  /** The helm release of the app ({@code pinkllama} at Wikimedia). */
  @Value.Default
  default String release() {
    return "pinkllama";
  }

  /** The {@code SERVERGROUP} metrics and logs are keyed by; Wikimedia uses kube-&lt;namespace&gt;. */
  @Value.Default
  default String servergroup() {
    return "kube-" + namespace();
  }

  /** The MediaWiki image the pods run and the refresh timer copies code from. */
  @Value.Default
  default String image() {
    return "docker-registry.discovery.wmnet/restricted/mediawiki-multiversion:latest";
  }

  /** The host directory mounted over the image's code, at the same path inside the pod. */
  @Value.Default
  default String mountPath() {
    return "/srv/mediawiki";
  }

  /** The NodePort ATS sends debug traffic to (4456 at Wikimedia). */
  @Value.Default
  default int port() {
    return 4456;
  }

  /** The cluster's allowed NodePort range (an apiserver setting). */
  @Value.Default
  default PortRange nodePortRange() {
    return PortRange.WIKIMEDIA;
  }

  @Value.Default
  default Php php() {
    return ImmutablePhp.builder().build();
  }

  @Value.Default
  default Resources resources() {
    return Resources.WIKIMEDIA;
  }

  /** mw-experimental may be down: no alerting objects are ever emitted while this is false. */
  @Value.Default
  default boolean alerting() {
    return false;
  }

  @Value.Default
  default Observability observability() {
    return ImmutableObservability.builder().build();
  }

  /** Whether the Kubernetes output includes the Namespace object. */
  @Value.Default
  default boolean createNamespace() {
    return false;
  }

  static ImmutableService.Builder builder() {
    return ImmutableService.builder();
  }
}
