package dev.mwexp.repos;

import dev.mwexp.files.Inert;
import java.util.List;

/** Checkouts that cannot be used, or files in them that cannot be merged: every problem, nothing written. */
public final class CheckoutException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public CheckoutException(List<String> problems) {
    super(String.join("\n", problems.stream().map(Inert::text).toList()), null, false, false);
    this.problems = List.copyOf(problems);
  }

  /** One line each: {@code file:line: what is wrong}. */
  public List<String> problems() {
    return problems;
  }
}
