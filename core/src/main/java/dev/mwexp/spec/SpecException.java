package dev.mwexp.spec;

import dev.mwexp.validation.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** A spec or model that cannot be used; carries every problem found, not only the first. */
public final class SpecException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  public SpecException(List<Problem> problems) {
    super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")), null, false, false);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a SpecException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
