package dev.mwexp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mwexp.consistency.Difference;
import dev.mwexp.consistency.Violation;
import dev.mwexp.repos.Change;
import dev.mwexp.repos.Plan;
import dev.mwexp.validation.Problem;
import java.io.PrintWriter;
import java.util.List;

/**
 * The one JSON document validate, check and sync print with {@code --output json}: the same
 * values the library returns (problems, violations, differences, changes), and the exit code.
 * Printing only; finding is the library's.
 */
final class JsonReport {

  static final String SCHEMA = "mwexp-report/1";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root = JSON.createObjectNode();

  JsonReport(String command) {
    root.put("schema", SCHEMA);
    root.put("command", command);
    root.putArray("problems");
    root.putArray("violations");
    root.putArray("differences");
    root.putArray("changes");
  }

  JsonReport problems(List<Problem> problems) {
    ArrayNode out = (ArrayNode) root.get("problems");
    for (Problem p : problems) {
      ObjectNode n = out.addObject();
      n.put("kind", p.kind().name());
      n.put("path", p.path());
      p.position().ifPresent(at -> {
        n.put("file", at.file());
        n.put("line", at.line());
        n.put("column", at.column());
      });
      n.put("message", p.message());
      n.put("expected", p.expected());
    }
    return this;
  }

  /** Problems that are plain lines (a checkout that cannot be used). */
  JsonReport problemLines(List<String> lines) {
    ArrayNode out = (ArrayNode) root.get("problems");
    lines.forEach(l -> out.addObject().put("kind", "CHECKOUT").put("path", "").put("message", l).put("expected", ""));
    return this;
  }

  JsonReport violations(List<Violation> violations) {
    ArrayNode out = (ArrayNode) root.get("violations");
    for (Violation v : violations) {
      ObjectNode n = out.addObject();
      n.put("link", v.link().name());
      n.put("subject", v.subject());
      n.put("expected", v.expected());
      n.put("actual", v.actual());
      ArrayNode sources = n.putArray("sources");
      v.sources().forEach(s -> sources.addObject().put("file", s.file()).put("line", s.line()));
    }
    return this;
  }

  JsonReport differences(List<Difference> differences) {
    ArrayNode out = (ArrayNode) root.get("differences");
    for (Difference d : differences) {
      out.addObject().put("kind", d.kind().name()).put("file", d.file()).put("key", d.key())
          .put("expected", d.expected()).put("actual", d.actual()).put("diff", d.diff());
    }
    return this;
  }

  JsonReport changes(Plan plan, boolean written) {
    ArrayNode out = (ArrayNode) root.get("changes");
    for (Change c : plan.changes()) {
      out.addObject().put("repository", c.repository().project()).put("path", c.path())
          .put("action", c.before().isEmpty() ? "create" : c.after().isEmpty() ? "delete" : "modify")
          .put("written", written).put("diff", Plan.diff(c));
    }
    return this;
  }

  void print(PrintWriter out, int exitCode) {
    root.put("exitCode", exitCode);
    try {
      out.println(JSON.writeValueAsString(root));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    out.flush();
  }
}
