package dev.mwexp.model;

import org.immutables.value.Value;

/** A Kubernetes node label, written {@code key=value} in kubelet flags and hiera. */
@Value.Immutable
public interface NodeLabel {

  @Value.Parameter
  String key();

  @Value.Parameter
  String value();

  static NodeLabel of(String key, String value) {
    return ImmutableNodeLabel.of(key, value);
  }

  /** {@code dedicated=mw-experimental}. */
  default String format() {
    return key() + "=" + value();
  }
}
