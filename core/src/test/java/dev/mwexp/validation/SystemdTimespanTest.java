package dev.mwexp.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.mwexp.testing.RealClients;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The timer interval's grammar is systemd's: the validator agrees with {@code systemd-analyze timespan}. */
class SystemdTimespanTest {

  @BeforeAll
  static void systemd() {
    RealClients.require("systemd-analyze");
  }

  private static boolean systemdAccepts(String span) {
    return RealClients.run(List.of("systemd-analyze", "timespan", "--", span), null, 30).exitCode() == 0;
  }

  private static final List<String> PIECES = List.of("0", "1", "5", "30", "90", "1.5", ".5", "1.", "1..5", "+", "-", " ",
      "  ", "\t", "s", "sec", "seconds", "m", "min", "minutes", "M", "month", "ms", "msec", "h", "hr", "hour", "hours",
      "d", "day", "w", "week", "y", "year", "us", "\u00b5s", "x", "e3", "infinity", "inf", "hourly", "1h30min", "2 hours");

  private static Gen<String> spans() {
    return lists().of(integers().between(0, PIECES.size() - 1)).ofSizeBetween(1, 5).map(idx -> {
      StringBuilder b = new StringBuilder();
      idx.forEach(i -> b.append(PIECES.get(i)));
      return b.toString();
    });
  }

  @Test
  void handPickedSpansAgreeWithSystemd() {
    List<String> disagreements = new ArrayList<>();
    for (String s : List.of("1 hour", "1h", "+5s", ".5s", "5 6", "5x", "1.2.3h", "infinity", " infinity ", "0", "",
        "1hour30min", "5sec6", "1 h 2", "1e3", "1..5s", "1.s", "-1", "1M", "1 \u00b5s", "18446744073709551615", "1 2 h",
        "1 .5", "inf", "hourly", "1 hour 30 minutes", "OnUnitActiveSec=1h")) {
      if (Syntax.systemdTimespan(s).isPresent() != systemdAccepts(s)) {
        disagreements.add("[" + s + "]");
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void generatedSpansAgreeWithSystemd() {
    qt().withExamples(400).forAll(spans()).checkAssert(s ->
        assertThat(Syntax.systemdTimespan(s).isPresent()).as("[%s]", s).isEqualTo(systemdAccepts(s)));
  }
}
