package dev.mwexp.model;

import java.util.List;
import org.immutables.value.Value;

/** How X-Wikimedia-Debug backend names map to the service; the routes themselves are derived. */
@Value.Immutable
public interface DebugRouting {

  /** Placeholders {@code {service}} and {@code {dc}}; gives {@code k8s-mw-experimental-eqiad}. */
  @Value.Default
  default String datacenterBackend() {
    return "k8s-{service}-{dc}";
  }

  /**
   * Also route each host by its own name, to reach the VM an engineer is editing. Unset (as in
   * Wikimedia's setup today): only in a datacenter with more than one host, where the per-DC
   * backend alone cannot pick the VM.
   */
  java.util.Optional<Boolean> perHostBackends();

  /** Whether {@code dc}'s hosts get backends of their own. */
  default boolean perHostBackendsIn(Datacenter dc) {
    return perHostBackends().orElse(dc.hosts().size() > 1);
  }

  /** Extra ATS scopes chosen by the request's Host header; every backend is in "default". */
  List<RoutingScope> scopes();

  default String datacenterBackendName(String service, String datacenter) {
    return datacenterBackend().replace("{service}", service).replace("{dc}", datacenter);
  }

  static ImmutableDebugRouting.Builder builder() {
    return ImmutableDebugRouting.builder();
  }
}
