package dev.mwexp.validation;

import dev.mwexp.model.Setup;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a whole {@link Setup} and returns every problem, in model order: one class of rules per
 * section of the model ({@link ServiceRules}, {@link SchedulingRules}, …).
 */
public final class Validator {

  private Validator() {}

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
