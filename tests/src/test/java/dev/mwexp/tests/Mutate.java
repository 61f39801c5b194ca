package dev.mwexp.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mwexp.export.Artifacts;
import dev.mwexp.format.yaml.YamlText;
import dev.mwexp.model.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Single edits of compiled artifacts, in each format's own terms, for the mutation properties. */
final class Mutate {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Mutate() {}

  /** Every NodePort Service under k8s/ gets another nodePort. */
  static Artifacts nodePort(Artifacts artifacts, int port) {
    return editYaml(artifacts, p -> p.startsWith("k8s/"), doc -> {
      if (doc.path("kind").asText().equals("Service")) {
        for (JsonNode p : doc.path("spec").path("ports")) {
          if (p.has("nodePort")) {
            ((ObjectNode) p).put("nodePort", port);
          }
        }
      }
      return doc;
    });
  }

  /**
   * Removes one value from a list key of a host's own hiera file; a taint struct counts as its
   * {@code key=value:Effect}.
   */
  static Artifacts hieraList(Artifacts artifacts, String host, String key, String value) {
    String file = "puppet/hieradata/hosts/" + dev.mwexp.fragment.Ownership.shortName(host) + ".yaml";
    return editYaml(artifacts, file::equals, doc -> {
      ArrayNode list = (ArrayNode) doc.get(key);
      for (Iterator<JsonNode> it = list.iterator(); it.hasNext(); ) {
        JsonNode item = it.next();
        String text = item.isObject()
            ? item.path("key").asText() + "=" + item.path("value").asText() + ":" + item.path("effect").asText()
            : item.asText();
        if (text.equals(value)) {
          it.remove();
        }
      }
      return doc;
    });
  }

  /** In the routing script, the route's backend entry points at another host. */
  static Artifacts luaHost(Artifacts artifacts, Route route, String newHost) {
    return editText(artifacts, p -> p.startsWith("puppet/") && p.endsWith(".lua"), text -> {
      int entry = text.indexOf("\"" + route.backend() + "\"");
      int target = text.indexOf("\"" + route.targetHost() + "\"", entry + route.backend().length() + 2);
      if (entry < 0 || target < 0) {
        throw new AssertionError("no entry for " + route.backend() + " in\n" + text);
      }
      return text.substring(0, target) + "\"" + newHost + "\"" + text.substring(target + route.targetHost().length() + 2);
    });
  }

  /** The CNAME record of {@code name} (relative, in its $ORIGIN section) points at another target. */
  static Artifacts cnameTarget(Artifacts artifacts, String name, String newTarget) {
    return editText(artifacts, p -> p.startsWith("dns/"), text -> {
      dev.mwexp.format.zone.ZoneTemplate zone = dev.mwexp.format.zone.ZoneTemplate.read(text);
      List<String> out = new ArrayList<>(zone.lines());
      for (dev.mwexp.format.zone.ZoneTemplate.Entry r : zone.records()) {
        if (r.owner().equals(name) && r.type().equals("CNAME")) {
          String t = out.get(r.firstLine() - 1);
          String word = r.data().get(0);
          out.set(r.firstLine() - 1, t.substring(0, t.lastIndexOf(word)) + newTarget + "." + t.substring(t.lastIndexOf(word) + word.length()));
        }
      }
      return String.join("\n", out);
    });
  }

  /** A PrometheusRule beside a datacenter's manifests. */
  static Artifacts addAlertRule(Artifacts artifacts, String dc, String namespace) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", "mw-experimental-down");
    metadata.put("namespace", namespace);
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("apiVersion", "monitoring.coreos.com/v1");
    rule.put("kind", "PrometheusRule");
    rule.put("metadata", metadata);
    rule.put("spec", Map.of("groups", List.of(Map.of("name", "mw", "rules",
        List.of(Map.of("alert", "MwExperimentalDown", "expr", "up == 0"))))));
    return artifacts.merge(Artifacts.builder().add("k8s/" + dc + "/zz-alert-rule.yaml", YamlText.write(rule)).build());
  }

  private static Artifacts editYaml(Artifacts artifacts, java.util.function.Predicate<String> which, UnaryOperator<JsonNode> edit) {
    return editText(artifacts, p -> which.test(p) && p.endsWith(".yaml"), text -> {
      try {
        List<Object> docs = new ArrayList<>();
        for (JsonNode doc : YAML.readValues(YAML.createParser(text), JsonNode.class).readAll()) {
          docs.add(YAML.convertValue(edit.apply(doc), Object.class));
        }
        return docs.size() == 1 ? YamlText.write(docs.get(0)) : YamlText.writeAll(docs);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static Artifacts editText(Artifacts artifacts, java.util.function.Predicate<String> which, UnaryOperator<String> edit) {
    Artifacts.Builder out = Artifacts.builder();
    boolean edited = false;
    for (Map.Entry<String, String> file : artifacts.files().entrySet()) {
      if (which.test(file.getKey())) {
        out.add(file.getKey(), edit.apply(file.getValue()));
        edited = true;
      } else {
        out.add(file.getKey(), file.getValue());
      }
    }
    if (!edited) {
      throw new AssertionError("no artifact to mutate among " + artifacts.files().keySet());
    }
    return out.build();
  }
}
