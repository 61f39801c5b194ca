package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.Source;
import java.util.List;
import org.immutables.value.Value;

/** One broken link of the chain: what was expected, what was found, and where both came from. */
@Value.Immutable
public interface Violation {

  Link link();

  /** What the violation is about: a backend, a host, a datacenter. */
  String subject();

  String expected();

  String actual();

  /** The files (and lines) of both sides. */
  List<Source> sources();

  static ImmutableViolation.Builder builder() {
    return ImmutableViolation.builder();
  }

  /** {@code LINK subject: expected X, found Y [a.yaml:3, b.lua:12]}. */
  default String format() {
    return dev.mwexp.files.Inert.text(link()
        + " "
        + subject()
        + ": expected "
        + expected()
        + ", found "
        + actual()
        + (sources().isEmpty() ? "" : " " + sources().stream().map(Source::format).toList()));
  }

  /** This violation as the one finding value every printer takes: its link is its id. */
  default dev.mwexp.diagnostic.Diagnostic diagnostic() {
    List<dev.mwexp.diagnostic.Diagnostic.Position> at = sources().stream().filter(s -> !s.file().startsWith("<"))
        .map(s -> new dev.mwexp.diagnostic.Diagnostic.Position(s.file(), s.line(), 0)).toList();
    return dev.mwexp.diagnostic.Diagnostic.error(link().name(), subject(), "expected " + expected() + ", found " + actual(), at)
        .withExpected(expected(), actual());
  }
}
