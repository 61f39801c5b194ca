package dev.mwexp.consistency;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The outcome of a check: every violation, sorted by link then subject. */
public final class Report {

  private final List<Violation> violations;
  private final Set<Link> skipped;

  Report(List<Violation> violations) {
    this(violations, Set.of());
  }

  Report(List<Violation> violations, Set<Link> skipped) {
    this.skipped = Set.copyOf(skipped);
    this.violations =
        violations.stream()
            .distinct()
            .sorted(Comparator.comparing(Violation::link).thenComparing(Violation::subject).thenComparing(Violation::format))
            .toList();
  }

  public List<Violation> violations() {
    return violations;
  }

  public boolean isClean() {
    return violations.isEmpty();
  }

  /** Links not judged, because a part of the trees they read could not be read (MISSING or UNREADABLE says which). */
  public Set<Link> skipped() {
    return new java.util.TreeSet<>(skipped);
  }

  /** The distinct broken links. */
  public Set<Link> links() {
    return violations.stream().map(Violation::link).collect(Collectors.toCollection(TreeSet::new));
  }

  /** For unit tests: throws an {@link AssertionError} listing every violation, if there is one. */
  public void assertNone() {
    if (!isClean()) {
      throw new AssertionError("routing is not consistent:\n" + format());
    }
  }

  /** One violation a line. */
  public String format() {
    return violations.stream().map(Violation::format).collect(Collectors.joining("\n"));
  }

  @Override
  public String toString() {
    return isClean() ? "Report[clean]" : "Report[\n" + format() + "\n]";
  }
}
