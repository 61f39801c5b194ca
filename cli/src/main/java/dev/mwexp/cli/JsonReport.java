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
import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON document validate, check and sync print with {@code --output json}: the same
 * values the library returns (problems, violations, differences, changes), and the exit code.
 * Printing only; finding is the library's.
 */
final class JsonReport {

  static final String SCHEMA = "mwexp-report/1";

  private final String command;
  private final List<Problem> problems = new ArrayList<>();
  private final List<String> problemLines = new ArrayList<>();
  private final List<Violation> violations = new ArrayList<>();
  private final List<Difference> differences = new ArrayList<>();
  private final List<Change> changes = new ArrayList<>();
  private final List<dev.mwexp.diagnostic.Diagnostic> diagnostics = new ArrayList<>();
  private boolean written;

  /**
   * Collects only; the document (and Jackson's databind, a tenth of a second to start) is made
   * in {@link #print}, so the commands that keep one for {@code --output json} pay nothing in text mode.
   */
  JsonReport(String command) {
    this.command = command;
  }

  JsonReport problems(List<Problem> problems) {
    this.problems.addAll(problems);
    return this;
  }

  /** Problems that are plain lines (a checkout that cannot be used). */
  JsonReport problemLines(List<String> lines) {
    problemLines.addAll(lines);
    return this;
  }

  JsonReport violations(List<Violation> violations) {
    this.violations.addAll(violations);
    return this;
  }

  JsonReport differences(List<Difference> differences) {
    this.differences.addAll(differences);
    return this;
  }

  /** The run's findings, as SARIF and text list them. */
  JsonReport diagnostics(List<dev.mwexp.diagnostic.Diagnostic> diagnostics) {
    this.diagnostics.addAll(diagnostics);
    return this;
  }

  JsonReport changes(Plan plan, boolean written) {
    changes.addAll(plan.changes());
    this.written = written;
    return this;
  }

  void print(PrintWriter out, int exitCode) {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("command", command);
    ArrayNode problemNodes = root.putArray("problems");
    for (Problem p : problems) {
      ObjectNode n = problemNodes.addObject();
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
    problemLines.forEach(l -> problemNodes.addObject().put("kind", "CHECKOUT").put("path", "").put("message", l).put("expected", ""));
    ArrayNode violationNodes = root.putArray("violations");
    for (Violation v : violations) {
      ObjectNode n = violationNodes.addObject();
      n.put("link", v.link().name());
      n.put("subject", v.subject());
      n.put("expected", v.expected());
      n.put("actual", v.actual());
      ArrayNode sources = n.putArray("sources");
      v.sources().forEach(s -> sources.addObject().put("file", s.file()).put("line", s.line()));
    }
    ArrayNode differenceNodes = root.putArray("differences");
    for (Difference d : differences) {
      differenceNodes.addObject().put("kind", d.kind().name()).put("file", d.file()).put("key", d.key())
          .put("expected", d.expected()).put("actual", d.actual()).put("diff", d.diff());
    }
    ArrayNode changeNodes = root.putArray("changes");
    for (Change c : changes) {
      changeNodes.addObject().put("repository", c.repository().project()).put("path", c.path())
          .put("action", c.before().isEmpty() ? "create" : c.after().isEmpty() ? "delete" : "modify")
          .put("written", written).put("diff", Plan.diff(c));
    }
    ArrayNode diagnosticNodes = root.putArray("diagnostics");
    for (dev.mwexp.diagnostic.Diagnostic d : diagnostics) {
      ObjectNode n = diagnosticNodes.addObject().put("id", d.id()).put("severity", d.severity().name())
          .put("subject", d.subject()).put("message", d.message()).put("expected", d.expected()).put("actual", d.actual());
      ArrayNode at = n.putArray("positions");
      d.positions().forEach(p -> at.addObject().put("file", p.file()).put("line", p.line()).put("column", p.column()));
      d.fix().ifPresent(f -> n.put("fix", f));
    }
    root.put("exitCode", exitCode);
    try {
      out.println(json.writeValueAsString(root));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    out.flush();
  }
}
