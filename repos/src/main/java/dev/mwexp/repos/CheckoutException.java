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

  /** Each problem as the one finding value every printer takes, its {@code file:line} as its position. */
  public List<dev.mwexp.diagnostic.Diagnostic> diagnostics() {
    List<dev.mwexp.diagnostic.Diagnostic> out = new java.util.ArrayList<>();
    for (String p : problems) {
      java.util.regex.Matcher m = AT.matcher(p);
      List<dev.mwexp.diagnostic.Diagnostic.Position> at = m.lookingAt()
          ? List.of(new dev.mwexp.diagnostic.Diagnostic.Position(m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)), 0))
          : List.of();
      out.add(dev.mwexp.diagnostic.Diagnostic.error("CHECKOUT", at.isEmpty() ? "" : m.group(1),
          at.isEmpty() ? p : p.substring(m.end()), at));
    }
    return out;
  }

  /** {@code path[:line]: } at a problem's start, as Sync words them. */
  private static final java.util.regex.Pattern AT = java.util.regex.Pattern.compile("([^\\s:]+)(?::(\\d+))?: ");
}
