package dev.mwexp.benchmarks.common;

import java.util.List;

/** What the configuration-language peers are compared on. */
public final class Peers {

  /** The formats every peer renders: the hiera tree and the Kubernetes manifests. */
  public static final List<String> FORMATS = List.of("hiera", "k8s");

  private Peers() {}
}
