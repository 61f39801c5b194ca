package dev.mwexp.cli;

import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mwexp spec [SPEC]}: the spec with every default made explicit. */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    name = "spec", footer = {"", "Example:", "  mwexp spec mw-experimental.yaml > canonical.yaml"},
    description = "Print the spec in canonical form, every default explicit.")
final class SpecCommand implements Callable<Integer> {

  @Mixin SpecOption spec;

  @picocli.CommandLine.Spec CommandSpec command;

  @Override
  public Integer call() {
    Optional<Setup> setup = spec.load(command.commandLine().getErr());
    if (setup.isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    command.commandLine().getOut().print(Spec.write(setup.get()));
    command.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
