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
    name = "spec", footer = {"", "Examples:", "  mwexp spec mw-experimental.yaml > canonical.yaml",
        "  mwexp spec --explain mw-experimental.yaml"},
    description = "Print the spec in canonical form, every default explicit; with --explain, each value"
        + " and where it came from (the spec's file:line:col, or the default), problems marked.")
final class SpecCommand implements Callable<Integer> {

  @Mixin SpecOption spec;

  @picocli.CommandLine.Option(names = "--explain",
      description = "Print each value with where it came from, as puppet lookup --explain does; works on an invalid spec.")
  boolean explain;

  @picocli.CommandLine.Spec CommandSpec command;

  @Override
  public Integer call() {
    if (explain) {
      return explain();
    }
    Optional<Setup> setup = spec.load(command.commandLine().getErr());
    if (setup.isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    command.commandLine().getOut().print(Spec.write(setup.get()));
    command.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private int explain() {
    String text;
    try {
      text = spec.text();
    } catch (dev.mwexp.files.TreeException | java.io.IOException e) {
      command.commandLine().getErr().println(dev.mwexp.files.Inert.text(e.getMessage()));
      return ExitCodes.PROBLEMS;
    }
    var entries = dev.mwexp.spec.Provenance.explain(text, spec.name());
    command.commandLine().getOut().print(dev.mwexp.spec.Provenance.format(entries));
    command.commandLine().getOut().flush();
    return entries.stream().anyMatch(e -> !e.problems().isEmpty()) ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }
}
