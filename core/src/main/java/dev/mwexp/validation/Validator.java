package dev.mwexp.validation;

import java.lang.ref.WeakReference;

import dev.mwexp.model.Setup;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a whole {@link Setup} and returns every problem, in model order: one class of rules per
 * section of the model ({@link ServiceRules}, {@link SchedulingRules}, …).
 */
public final class Validator {

  private Validator() {}

  /**
   * The last value found valid, by the spec loader or by a compile. The CLI and the library compile
   * what they load, and compiling validated it a second time: a seventh of compiling a 10-host
   * spec; a tool that compiles one model several times (a format at a time, or on every build of a
   * long-lived process) validated it each time, a third of compiling 10,000 hosts. Identity, not
   * equality, and only the generated immutable class: that value cannot have changed since.
   * Weakly held, so it never keeps a model alive.
   */
  private static volatile WeakReference<Setup> lastAccepted = new WeakReference<>(null);

  /** Records that {@code setup} was validated and nothing was found. */
  public static void accepted(Setup setup) {
    if (setup instanceof dev.mwexp.model.ImmutableSetup) {
      lastAccepted = new WeakReference<>(setup);
    }
  }

  /** As {@link #validate}, but nothing for the very value last found valid, which it then remembers. */
  public static List<Problem> validateUnlessAccepted(Setup setup) {
    if (lastAccepted.get() == setup) {
      return List.of();
    }
    List<Problem> problems = validate(setup);
    if (problems.isEmpty()) {
      accepted(setup);
    }
    return problems;
  }

  /** All problems of the setup; empty when it is valid. */
  public static List<Problem> validate(Setup setup) {
    List<Problem> problems = new ArrayList<>();
    new ServiceRules(problems).check(setup.service());
    new SchedulingRules(problems).check(setup.scheduling());
    new DeployersRules(problems).check(setup.deployers());
    new CodeRefreshRules(problems).check(setup.codeRefresh());
    new DatacenterRules(problems).check(setup);
    new DebugRoutingRules(problems).check(setup);
    return List.copyOf(problems);
  }
}
