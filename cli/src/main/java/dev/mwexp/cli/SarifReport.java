package dev.mwexp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mwexp.consistency.Link;
import dev.mwexp.diagnostic.Diagnostic;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Diagnostics as one SARIF 2.1.0 log, so CI systems annotate the lines of a pull
 * request: a rule per problem kind or chain link, a result per finding at its file and line.
 * Printing only; finding is the library's.
 */
final class SarifReport {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Map<String, String> rules = new TreeMap<>();
  private final ArrayNode results = JSON.createArrayNode();

  /** A result per diagnostic, at each of its positions; a rule per id. */
  SarifReport diagnostics(List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      rules.put(d.id(), description(d.id()));
      ObjectNode r = result(d.id(), d.format());
      for (Diagnostic.Position at : d.positions()) {
        location(r, at.file(), at.line(), at.column());
      }
    }
    return this;
  }

  /** What a rule id means: a chain link's description, a spec problem's kind, drift or a checkout. */
  private static String description(String id) {
    for (Link link : Link.all()) {
      if (link.name().equals(id)) {
        return link.description();
      }
    }
    return switch (id) {
      case "DRIFT" -> "drift: the files differ from what the spec compiles to";
      case "CHECKOUT" -> "a checkout mwexp cannot read or merge into";
      default -> "spec problem: " + id.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    };
  }

  private ObjectNode result(String rule, String message) {
    ObjectNode r = results.addObject();
    r.put("ruleId", rule);
    r.put("level", "error");
    r.putObject("message").put("text", message);
    r.putArray("locations");
    return r;
  }

  private static void location(ObjectNode result, String file, int line, int column) {
    ObjectNode physical = ((ArrayNode) result.get("locations")).addObject().putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", file.replace('\\', '/'));
    if (line > 0) {
      ObjectNode region = physical.putObject("region").put("startLine", line);
      if (column > 0) {
        region.put("startColumn", column);
      }
    }
  }

  void print(PrintWriter out) {
    ObjectNode log = JSON.createObjectNode();
    log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "mwexp");
    driver.put("informationUri", "https://wikitech.wikimedia.org/wiki/X-Wikimedia-Debug");
    Main.version().ifPresent(v -> driver.put("semanticVersion", v));
    ArrayNode ruleNodes = driver.putArray("rules");
    rules.forEach((id, text) -> ruleNodes.addObject().put("id", id).putObject("shortDescription").put("text", text));
    run.set("results", results);
    try {
      out.println(JSON.writeValueAsString(log));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    out.flush();
  }
}
