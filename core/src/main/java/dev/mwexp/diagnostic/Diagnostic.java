package dev.mwexp.diagnostic;

import dev.mwexp.files.Inert;
import java.util.List;
import java.util.Optional;

/**
 * One finding, whatever found it: a spec problem, a broken link of the chain, drift from the
 * spec, a checkout sync cannot merge into. Every printer (text, JSON, SARIF, the Maven log) takes
 * this value only, so the same run lists the same findings in each; finding stays apart from
 * printing, as Error Prone's {@code Description} keeps it.
 *
 * @param id what kind of finding, stable for tools to match on: a problem kind ({@code
 *     INVALID_VALUE}), a chain link ({@code PORT}), {@code DRIFT} or {@code CHECKOUT}
 * @param subject what it is about: a model path, a backend, a host, a file
 * @param message what is wrong, in one line
 * @param expected what would be right; empty when nothing is to be said
 * @param actual what was found; empty when nothing
 * @param positions where, most telling first; empty when the model itself is meant
 * @param fix how to make it right, when mwexp knows: a unified diff, or the command to run
 */
public record Diagnostic(String id, Severity severity, String subject, String message, String expected, String actual,
    List<Position> positions, Optional<String> fix) {

  /** How bad: an error fails the command; a warning is printed and does not. */
  public enum Severity { ERROR, WARNING }

  /** A file relative to its tree or repository, a 1-based line and column (0 when unknown). */
  public record Position(String file, int line, int column) {
    /** {@code file:line:col}, leaving out what is unknown. */
    public String format() {
      return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
    }
  }

  public Diagnostic {
    positions = List.copyOf(positions);
  }

  public static Diagnostic error(String id, String subject, String message, List<Position> positions) {
    return new Diagnostic(id, Severity.ERROR, subject, message, "", "", positions, Optional.empty());
  }

  public Diagnostic withExpected(String expected, String actual) {
    return new Diagnostic(id, severity, subject, message, expected, actual, positions, fix);
  }

  public Diagnostic withFix(String fix) {
    return new Diagnostic(id, severity, subject, message, expected, actual, positions, Optional.of(fix));
  }

  /** {@code ID subject: message [file:line, …]}, one line, user text made inert. */
  public String format() {
    return Inert.text(id + (subject.isEmpty() ? "" : " " + subject) + ": " + message
        + (positions.isEmpty() ? "" : " " + positions.stream().map(Position::format).toList()));
  }
}
