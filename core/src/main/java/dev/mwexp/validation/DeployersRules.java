package dev.mwexp.validation;

import dev.mwexp.model.Deployers;
import dev.mwexp.validation.Problem.Kind;
import java.util.List;

/** The rules of the deployers: who owns the code directory, and the hiera switch. */
final class DeployersRules extends Rules {

  DeployersRules(List<Problem> problems) {
    super(problems);
  }

  void check(Deployers d) {
    check("deployers.user", d.user(), Grammar.POSIX_NAME, POSIX_NAME);
    check("deployers.group", d.group(), Grammar.POSIX_NAME, POSIX_NAME);
    check("deployers.deploymentGroup", d.deploymentGroup(), Grammar.POSIX_NAME, POSIX_NAME);
    if (check(
            "deployers.mountMode",
            d.mountMode(),
            Grammar.OCTAL_MODE,
            "four octal digits such as 2775 (quote it in YAML: \"2775\")")
        && ((d.mountMode().charAt(2) - '0') & 2) == 0) {
      // The deployment group's engineers edit the code there: the group must be able to write.
      add(Kind.INVALID_VALUE, "deployers.mountMode", "mode " + d.mountMode() + " does not let the group "
          + d.group() + " write, and its engineers edit the code there", "a mode with group write, such as 2775 or 0775");
    }
    check(
        "deployers.switchKey",
        d.switchKey(),
        Grammar.HIERA_KEY,
        "a hiera key such as profile::kubernetes::node::mw_experimental");
  }
}
