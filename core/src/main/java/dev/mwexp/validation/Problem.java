package dev.mwexp.validation;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One thing wrong with a spec or model: what kind, where (model path and, when it came from a file,
 * the position), what is wrong and what would be valid.
 */
@Value.Immutable
public interface Problem {

  Kind kind();

  /** The model path, e.g. {@code datacenters.eqiad.hosts[1]}; empty for the whole document. */
  String path();

  Optional<SourcePosition> position();

  /** What is wrong, naming the offending value. */
  String message();

  /** What would be valid instead. */
  String expected();

  static Problem of(Kind kind, String path, String message, String expected) {
    return ImmutableProblem.builder()
        .kind(kind)
        .path(path)
        .message(message)
        .expected(expected)
        .build();
  }

  /** This problem at a source position. */
  default Problem at(SourcePosition position) {
    return ImmutableProblem.copyOf(this).withPosition(position);
  }

  /**
   * {@code file:line:col: path: message (expected …)}, always one line: user-supplied text in it
   * is made inert (control and bidi characters escaped).
   */
  default String format() {
    StringBuilder out = new StringBuilder();
    position().ifPresent(p -> out.append(p.format()).append(": "));
    if (!path().isEmpty()) {
      out.append(path()).append(": ");
    }
    out.append(message());
    if (!expected().isEmpty()) {
      out.append(" (expected ").append(expected()).append(')');
    }
    return dev.mwexp.files.Inert.text(out.toString());
  }

  /** This problem as the one finding value every printer takes. */
  default dev.mwexp.diagnostic.Diagnostic diagnostic() {
    return new dev.mwexp.diagnostic.Diagnostic(kind().name(), dev.mwexp.diagnostic.Diagnostic.Severity.ERROR, path(),
        message() + (expected().isEmpty() ? "" : " (expected " + expected() + ")"), expected(), "",
        position().map(p -> List.of(new dev.mwexp.diagnostic.Diagnostic.Position(p.file(), p.line(), p.column())))
            .orElse(List.of()), java.util.Optional.empty());
  }

  /** The kinds of problem, coarse enough to match on in tests and tools. */
  enum Kind {
    /** The file cannot be read. */
    IO,
    /** Not UTF-8 text, or a byte order mark other than UTF-8's. */
    ENCODING,
    /** Larger, deeper or more alias-expanded than a spec may be. */
    LIMIT,
    /** Not well-formed YAML. */
    SYNTAX,
    /** A key the spec format does not have. */
    UNKNOWN_KEY,
    /** The same key twice in one mapping. */
    DUPLICATE_KEY,
    /** A value of the wrong YAML type (a list where a string belongs, a quoted number, …). */
    WRONG_TYPE,
    /** A required value is absent. */
    MISSING,
    /** A value of the right type that breaks a rule (syntax, range, normalization). */
    INVALID_VALUE,
    /** Something that must be unique appears twice. */
    DUPLICATE,
    /** A reference to something that does not exist where it must. */
    REFERENCE
  }
}
