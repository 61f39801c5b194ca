package dev.mwexp.validation;

import dev.mwexp.model.CodeRefresh;
import dev.mwexp.validation.Problem.Kind;
import java.util.List;

/** The rules of the code refresh: the timer, its interval and what it keeps. */
final class CodeRefreshRules extends Rules {

  CodeRefreshRules(List<Problem> problems) {
    super(problems);
  }

  void check(CodeRefresh c) {
    check(
        "codeRefresh.timerName",
        c.timerName(),
        Grammar.SYSTEMD_UNIT_NAME,
        "a systemd unit name of letters, digits and : _ . -");
    java.util.OptionalLong span = Syntax.systemdTimespan(c.interval());
    if (span.isEmpty() || span.getAsLong() <= 0) {
      add(Kind.INVALID_VALUE, "codeRefresh.interval", "interval " + printable(c.interval())
              + (span.isEmpty() ? " is not a systemd time span" : " never repeats the refresh"),
          "a systemd time span greater than zero, such as 1 hour, 30min or 1h30m");
    }
    check("codeRefresh.script", c.script(), Grammar.NORMAL_ABSOLUTE_PATH, NORMAL_PATH);
    check("codeRefresh.lockFile", c.lockFile(), Grammar.NORMAL_ABSOLUTE_PATH, NORMAL_PATH);
    check("codeRefresh.editsDirectory", c.editsDirectory(), Grammar.NORMAL_ABSOLUTE_PATH, NORMAL_PATH);
    if (c.keepEditsDays() < 1) {
      add(Kind.INVALID_VALUE, "codeRefresh.keepEditsDays", c.keepEditsDays() + " days keeps no edit", "1 or more days");
    }
    if (c.keepEditsCount() < 1) {
      add(Kind.INVALID_VALUE, "codeRefresh.keepEditsCount", c.keepEditsCount() + " copies keeps no edit", "1 or more");
    }
  }
}
