package dev.mwexp.consistency.facts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MediaWiki workload of one datacenter as Kubernetes objects (or helm values) declare it.
 *
 * @param kind {@code Deployment} or {@code DaemonSet}
 * @param replicas for a Deployment; empty for a DaemonSet
 * @param hostnameAntiAffinity whether a required pod anti-affinity on kubernetes.io/hostname keeps
 *     two pods off one host
 * @param hostPaths host path to the path it is mounted at in the MediaWiki container
 * @param namespace the namespace the pods run in
 * @param containerPortName the name of the MediaWiki container's port, if it has one
 * @param fieldSources where each field is declared, for violations that name the real line
 */
public record Workload(
    String datacenter,
    String namespace,
    String kind,
    Optional<Integer> replicas,
    boolean hostnameAntiAffinity,
    Map<String, String> nodeSelector,
    List<Toleration> tolerations,
    Map<String, String> hostPaths,
    Optional<String> servergroup,
    Optional<Integer> containerPort,
    Optional<String> containerPortName,
    Map<String, String> podLabels,
    Source source,
    Map<String, Source> fieldSources) {

  /**
   * Where a field is declared ({@code nodeSelector}, {@code tolerations}, {@code replicas},
   * {@code hostPaths}, {@code servergroup}, {@code port}, {@code podLabels}); the object's start
   * when the field is not written.
   */
  public Source source(String field) {
    return fieldSources.getOrDefault(field, source);
  }
}
