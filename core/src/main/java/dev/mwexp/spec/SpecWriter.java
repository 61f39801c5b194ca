package dev.mwexp.spec;

import dev.mwexp.format.yaml.YamlText;
import dev.mwexp.model.Datacenter;
import dev.mwexp.model.Resources;
import dev.mwexp.model.RoutingScope;
import dev.mwexp.model.Service;
import dev.mwexp.model.Setup;
import dev.mwexp.model.Taint;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a setup as spec YAML with every value explicit, in the order the format documents. */
final class SpecWriter {

  private SpecWriter() {}

  static String write(Setup setup) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("service", service(setup.service()));
    Map<String, Object> scheduling = new LinkedHashMap<>();
    scheduling.put("nodeLabel", setup.scheduling().nodeLabel().format());
    scheduling.put("taints", setup.scheduling().taints().stream().map(Taint::format).toList());
    scheduling.put("companions", setup.scheduling().companions().stream()
        .map(c -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("name", c.name());
          m.put("values", c.values());
          return m;
        }).toList());
    scheduling.put("workload", setup.scheduling().workload().kind());
    doc.put("scheduling", scheduling);
    Map<String, Object> deployers = new LinkedHashMap<>();
    deployers.put("user", setup.deployers().user());
    deployers.put("group", setup.deployers().group());
    deployers.put("deploymentGroup", setup.deployers().deploymentGroup());
    deployers.put("mountMode", setup.deployers().mountMode());
    deployers.put("switchKey", setup.deployers().switchKey());
    doc.put("deployers", deployers);
    Map<String, Object> refresh = new LinkedHashMap<>();
    refresh.put("enabled", setup.codeRefresh().enabled());
    refresh.put("timerName", setup.codeRefresh().timerName());
    refresh.put("interval", setup.codeRefresh().interval());
    refresh.put("script", setup.codeRefresh().script());
    refresh.put("lockFile", setup.codeRefresh().lockFile());
    refresh.put("editsDirectory", setup.codeRefresh().editsDirectory());
    refresh.put("keepEditsDays", setup.codeRefresh().keepEditsDays());
    refresh.put("keepEditsCount", setup.codeRefresh().keepEditsCount());
    refresh.put("parsoid", setup.codeRefresh().parsoid());
    doc.put("codeRefresh", refresh);
    Map<String, Object> routing = new LinkedHashMap<>();
    routing.put("datacenterBackend", setup.debugRouting().datacenterBackend());
    setup.debugRouting().perHostBackends().ifPresent(b -> routing.put("perHostBackends", b));
    if (!setup.debugRouting().scopes().isEmpty()) {
      routing.put("scopes", setup.debugRouting().scopes().stream().map(SpecWriter::scope).toList());
    }
    doc.put("debugRouting", routing);
    Map<String, Object> dcs = new LinkedHashMap<>();
    for (Datacenter dc : setup.datacenters()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("hosts", dc.hosts());
      Map<String, Object> cname = new LinkedHashMap<>();
      cname.put("name", dc.cname().name());
      cname.put("target", dc.cname().target());
      cname.put("ttl", dc.cname().ttl());
      out.put("cname", cname);
      dcs.put(dc.name(), out);
    }
    doc.put("hostDomain", setup.hostDomain());
    doc.put("datacenters", dcs);
    return YamlText.write(doc);
  }

  private static Map<String, Object> service(Service s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", s.name());
    out.put("namespace", s.namespace());
    out.put("release", s.release());
    out.put("servergroup", s.servergroup());
    out.put("image", s.image());
    out.put("mountPath", s.mountPath());
    out.put("port", s.port());
    out.put("nodePortRange", s.nodePortRange().format());
    Map<String, Object> php = new LinkedHashMap<>();
    php.put("opcacheValidateTimestamps", s.php().opcacheValidateTimestamps());
    php.put("develMode", s.php().develMode());
    php.put("ini", s.php().iniOverrides());
    out.put("php", php);
    Map<String, Object> resources = new LinkedHashMap<>();
    resources.put("requests", quantities(s.resources().requests()));
    resources.put("limits", quantities(s.resources().limits()));
    out.put("resources", resources);
    out.put("alerting", s.alerting());
    Map<String, Object> observability = new LinkedHashMap<>();
    observability.put("prometheusScrape", s.observability().prometheusScrape());
    observability.put("metricsPort", s.observability().metricsPort());
    observability.put("labels", s.observability().labels());
    observability.put("grafanaUrl", s.observability().grafanaUrl());
    observability.put("logstashUrl", s.observability().logstashUrl());
    out.put("observability", observability);
    out.put("createNamespace", s.createNamespace());
    return out;
  }

  private static Map<String, Object> quantities(Resources.Quantities q) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cpu", q.cpu());
    out.put("memory", q.memory());
    return out;
  }

  private static Map<String, Object> scope(RoutingScope scope) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", scope.name());
    out.put("requestHosts", scope.requestHosts());
    out.put("datacenters", scope.datacenters());
    return out;
  }
}
