package dev.mwexp.export;

import dev.mwexp.validation.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A setup built in code that validation refuses, handed to the compiler: it never writes output
 * from an invalid model. Carries every problem, as {@link dev.mwexp.spec.SpecException} does.
 */
public final class InvalidSetupException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public InvalidSetupException(List<Problem> problems) {
    super("the setup is not valid:\n" + problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
