package dev.mwexp.consistency.read;

import dev.mwexp.consistency.facts.Source;
import dev.mwexp.format.yaml.YamlDocument;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mwexp.consistency.facts.AlertObject;
import dev.mwexp.consistency.facts.ServiceFact;
import dev.mwexp.consistency.facts.Toleration;
import dev.mwexp.consistency.facts.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Facts from Kubernetes manifests: the MediaWiki workload (Deployment or DaemonSet), its Service,
 * and anything that alerts. The datacenter of a document is the first directory of its file
 * under the manifests tree ({@code eqiad/deployment.yaml}).
 */
public final class KubernetesReader {

  /** Kinds that page someone: mw-experimental must have none. */
  private static final List<String> ALERTING_KINDS = List.of("PrometheusRule", "AlertmanagerConfig", "Alertmanager");

  private final List<Workload> workloads = new ArrayList<>();
  private final List<ServiceFact> services = new ArrayList<>();
  private final List<AlertObject> alerts = new ArrayList<>();

  public List<Workload> workloads() {
    return workloads;
  }

  public List<ServiceFact> services() {
    return services;
  }

  public List<AlertObject> alerts() {
    return alerts;
  }

  void addWorkload(Workload workload) {
    workloads.add(workload);
  }

  void addService(ServiceFact service) {
    services.add(service);
  }

  /** Adds the documents of one file; {@code datacenter} as given by its directory. */
  public void add(String datacenter, YamlDocument doc) {
    JsonNode root = doc.root();
    String kind = root.path("kind").asText("");
    String name = root.path("metadata").path("name").asText("");
    if (ALERTING_KINDS.contains(kind)) {
      alerts.add(new AlertObject(kind, name, Source.at(doc, "")));
    }
    switch (kind) {
      case "Deployment", "DaemonSet" -> workloads.add(workload(datacenter, kind, doc));
      case "Service" -> services.add(service(datacenter, doc));
      default -> { }
    }
  }

  private static Workload workload(String datacenter, String kind, YamlDocument doc) {
    JsonNode spec = doc.root().path("spec");
    JsonNode pod = spec.path("template").path("spec");
    Optional<Integer> replicas =
        kind.equals("Deployment") ? Optional.of(spec.path("replicas").asInt(1)) : Optional.empty();
    boolean antiAffinity = false;
    for (JsonNode term : pod.path("affinity").path("podAntiAffinity").path("requiredDuringSchedulingIgnoredDuringExecution")) {
      antiAffinity |= term.path("topologyKey").asText("").equals("kubernetes.io/hostname");
    }
    List<Toleration> tolerations = Tolerations.of(pod.path("tolerations"));
    Map<String, String> hostPathVolumes = new LinkedHashMap<>();
    for (JsonNode v : pod.path("volumes")) {
      if (v.has("hostPath")) {
        hostPathVolumes.put(v.path("name").asText(), v.path("hostPath").path("path").asText());
      }
    }
    Map<String, String> hostPaths = new LinkedHashMap<>();
    Optional<String> servergroup = Optional.empty();
    Optional<Integer> port = Optional.empty();
    Optional<String> portName = Optional.empty();
    for (JsonNode c : pod.path("containers")) {
      boolean mountsHost = false;
      for (JsonNode m : c.path("volumeMounts")) {
        String hostPath = hostPathVolumes.get(m.path("name").asText());
        if (hostPath != null) {
          hostPaths.put(hostPath, m.path("mountPath").asText());
          mountsHost = true;
        }
      }
      for (JsonNode e : c.path("env")) {
        if (e.path("name").asText().equals("SERVERGROUP")) {
          servergroup = Optional.of(e.path("value").asText());
        }
      }
      if ((mountsHost || port.isEmpty()) && c.path("ports").size() > 0) {
        port = Optional.of(c.path("ports").get(0).path("containerPort").asInt());
        portName = Nodes.text(c.path("ports").get(0), "name");
      }
    }
    return new Workload(
        datacenter,
        namespaceOf(doc),
        kind,
        replicas,
        antiAffinity,
        Nodes.strings(pod.path("nodeSelector")),
        tolerations,
        hostPaths,
        servergroup,
        port,
        portName,
        Nodes.strings(spec.path("template").path("metadata").path("labels")),
        Source.at(doc, ""),
        Map.of(
            "nodeSelector", Source.at(doc, "/spec/template/spec/nodeSelector"),
            "tolerations", Source.at(doc, "/spec/template/spec/tolerations"),
            "replicas", Source.at(doc, kind.equals("Deployment") ? "/spec/replicas" : "/kind"),
            "hostPaths", Source.at(doc, "/spec/template/spec/volumes"),
            "servergroup", Source.at(doc, "/spec/template/spec/containers/0/env"),
            "port", Source.at(doc, "/spec/template/spec/containers/0/ports"),
            "podLabels", Source.at(doc, "/spec/template/metadata/labels")));
  }

  /** A namespaced object without a namespace lands in {@code default}. */
  private static String namespaceOf(YamlDocument doc) {
    return doc.root().path("metadata").path("namespace").asText("default");
  }

  private static ServiceFact service(String datacenter, YamlDocument doc) {
    JsonNode spec = doc.root().path("spec");
    Optional<Integer> nodePort = Optional.empty();
    Optional<String> targetPort = Optional.empty();
    String pointer = "/spec/ports";
    JsonNode ports = spec.path("ports");
    for (int i = 0; i < ports.size(); i++) {
      JsonNode p = ports.get(i);
      if (p.has("nodePort") || i == ports.size() - 1) {
        nodePort = p.has("nodePort") ? Optional.of(p.path("nodePort").asInt()) : Optional.empty();
        // Without a targetPort, Kubernetes targets the Service's own port.
        JsonNode target = p.has("targetPort") ? p.get("targetPort") : p.get("port");
        targetPort = target == null ? Optional.empty() : Optional.of(target.asText());
        pointer = "/spec/ports/" + i + (p.has("nodePort") ? "/nodePort" : "");
        break;
      }
    }
    return new ServiceFact(
        datacenter,
        namespaceOf(doc),
        doc.root().path("metadata").path("name").asText(""),
        spec.path("type").asText("ClusterIP"),
        nodePort,
        targetPort,
        Source.at(doc, pointer),
        Nodes.text(spec, "internalTrafficPolicy"),
        Nodes.text(spec, "externalTrafficPolicy"),
        Nodes.strings(spec.path("selector")),
        Source.at(doc, ""), Optional.empty());
  }
}
