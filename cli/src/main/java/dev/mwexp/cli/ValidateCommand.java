package dev.mwexp.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mwexp validate [SPEC]}: every problem with its position, exit 1 on any. */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    name = "validate", footer = {"", "Example:", "  mwexp validate mw-experimental.yaml"},
    description = "Check a spec and print every problem with its position.")
final class ValidateCommand implements Callable<Integer> {

  @Mixin SpecOption spec;

  @Mixin OutputOption output;

  @picocli.CommandLine.Spec CommandSpec command;

  @Override
  public Integer call() {
    if (output.document()) {
      java.util.List<dev.mwexp.validation.Problem> problems = new java.util.ArrayList<>();
      int code = spec.load(problems).isPresent() ? ExitCodes.OK : ExitCodes.PROBLEMS;
      if (output.sarif()) {
        new SarifReport().problems(problems).print(command.commandLine().getOut());
      } else {
        new JsonReport("validate").problems(problems).print(command.commandLine().getOut(), code);
      }
      return code;
    }
    if (spec.load(command.commandLine().getErr()).isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    command.commandLine().getOut().println(spec.name() + ": valid");
    return ExitCodes.OK;
  }
}
