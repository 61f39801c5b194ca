package dev.mwexp.benchmarks.pkl;

import dev.mwexp.model.Datacenter;
import dev.mwexp.model.Scheduling;
import dev.mwexp.model.Service;
import dev.mwexp.model.Setup;
import dev.mwexp.model.Taint;
import java.util.Map;
import java.util.TreeMap;
import org.pkl.core.Evaluator;
import org.pkl.core.ModuleSource;

/**
 * The Pkl peer as a Pkl user has it: a template module ({@code mw-experimental.pkl}, on the module
 * path, parsed once by the reused evaluator) and per setup a small module amending it with data.
 */
final class PklPeer implements AutoCloseable {

  private static final String TEMPLATE = "modulepath:/dev/mwexp/benchmarks/pkl/mw-experimental.pkl";

  private final Evaluator evaluator = Evaluator.preconfigured();

  /** Path -> text of every file the template renders for {@code dataModule}. */
  Map<String, String> render(String dataModule) {
    Map<String, String> files = new TreeMap<>();
    evaluator.evaluateOutputFiles(ModuleSource.text(dataModule)).forEach((path, file) -> files.put(path, file.getText()));
    return files;
  }

  /** The setup as a Pkl module amending the template: what a Pkl user would keep in a file. */
  static String dataModule(Setup s) {
    if (s.scheduling().workload() != Scheduling.Workload.DEPLOYMENT || s.service().createNamespace()) {
      throw new IllegalArgumentException("the Pkl template covers Deployment setups without a Namespace object");
    }
    Service svc = s.service();
    StringBuilder pkl = new StringBuilder("amends ").append(str(TEMPLATE)).append("\n\n");
    pkl.append("service {\n");
    prop(pkl, "name", str(svc.name()));
    prop(pkl, "namespace", str(svc.namespace()));
    prop(pkl, "release", str(svc.release()));
    prop(pkl, "servergroup", str(svc.servergroup()));
    prop(pkl, "image", str(svc.image()));
    prop(pkl, "mountPath", str(svc.mountPath()));
    prop(pkl, "port", String.valueOf(svc.port()));
    prop(pkl, "metricsPort", String.valueOf(svc.observability().metricsPort()));
    prop(pkl, "prometheusScrape", String.valueOf(svc.observability().prometheusScrape()));
    pkl.append("  labels {\n");
    svc.observability().labels().forEach((k, v) -> pkl.append("    [").append(str(k)).append("] = ").append(str(v)).append('\n'));
    pkl.append("  }\n");
    pkl.append("  requests { cpu = ").append(str(svc.resources().requests().cpu())).append("; memory = ")
        .append(str(svc.resources().requests().memory())).append(" }\n");
    pkl.append("  limits { cpu = ").append(str(svc.resources().limits().cpu())).append("; memory = ")
        .append(str(svc.resources().limits().memory())).append(" }\n");
    pkl.append("}\n");
    pkl.append("php {\n");
    prop(pkl, "opcacheValidateTimestamps", String.valueOf(svc.php().opcacheValidateTimestamps()));
    prop(pkl, "develMode", String.valueOf(svc.php().develMode()));
    pkl.append("  ini {\n");
    svc.php().iniOverrides().forEach((k, v) -> pkl.append("    [").append(str(k)).append("] = ").append(str(v)).append('\n'));
    pkl.append("  }\n}\n");
    pkl.append("label { key = ").append(str(s.scheduling().nodeLabel().key())).append("; value = ")
        .append(str(s.scheduling().nodeLabel().value())).append(" }\n");
    pkl.append("taints {\n");
    for (Taint t : s.scheduling().taints()) {
      pkl.append("  new { key = ").append(str(t.key())).append("; value = ").append(str(t.value()))
          .append("; effect = ").append(str(t.effect().kubernetesName())).append(" }\n");
    }
    pkl.append("}\n");
    pkl.append("deployers { switchKey = ").append(str(s.deployers().switchKey())).append(" }\n");
    pkl.append("datacenters {\n");
    for (Datacenter dc : s.datacenters()) {
      pkl.append("  new {\n    name = ").append(str(dc.name())).append("\n    hosts {\n");
      dc.hosts().forEach(h -> pkl.append("      ").append(str(h)).append('\n'));
      pkl.append("    }\n  }\n");
    }
    pkl.append("}\n");
    return pkl.toString();
  }

  private static void prop(StringBuilder pkl, String name, String value) {
    pkl.append("  ").append(name).append(" = ").append(value).append('\n');
  }

  /** A Pkl string literal. */
  private static String str(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  @Override
  public void close() {
    evaluator.close();
  }
}
