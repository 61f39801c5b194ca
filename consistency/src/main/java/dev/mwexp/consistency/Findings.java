package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** What the link checks found, as violations; a check says what it expected and what it found. */
final class Findings {

  private final List<Violation> violations = new ArrayList<>();

  void add(Link link, String subject, String expected, String actual, Source... sources) {
    violations.add(Violation.builder()
        .link(link)
        .subject(subject)
        .expected(expected)
        .actual(actual)
        .sources(Arrays.stream(sources).filter(Objects::nonNull).distinct().toList())
        .build());
  }

  void addAll(List<Violation> found) {
    violations.addAll(found);
  }

  List<Violation> violations() {
    return violations;
  }
}
