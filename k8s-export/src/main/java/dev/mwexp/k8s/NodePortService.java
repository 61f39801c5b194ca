package dev.mwexp.k8s;

import dev.mwexp.model.Setup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NodePort Service ATS sends debug traffic to. A request must be served by the pod on the host
 * it reached, since that host holds the code the engineer is editing:
 * {@code internalTrafficPolicy: Local} does that for traffic from inside the cluster (as the design
 * asks), but ATS comes from outside, and for traffic arriving at a NodePort from outside it is
 * {@code externalTrafficPolicy: Local} that keeps the request on the node. Both are set.
 */
final class NodePortService {

  private NodePortService() {}

  static Map<String, Object> manifest(Setup setup) {
    Map<String, Object> port = new LinkedHashMap<>();
    port.put("name", "http");
    port.put("protocol", "TCP");
    port.put("port", setup.service().port());
    port.put("targetPort", setup.service().port());
    port.put("nodePort", setup.service().port());
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("type", "NodePort");
    spec.put("selector", Labels.selector(setup));
    spec.put("ports", List.of(port));
    spec.put("externalTrafficPolicy", "Local");
    spec.put("internalTrafficPolicy", "Local");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("apiVersion", "v1");
    doc.put("kind", "Service");
    doc.put("metadata", Labels.metadata(setup, setup.service().name()));
    doc.put("spec", spec);
    return doc;
  }
}
