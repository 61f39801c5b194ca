package dev.mwexp.cli;

import dev.mwexp.consistency.ArtifactTrees;
import dev.mwexp.consistency.Importer;
import dev.mwexp.spec.SpecException;
import dev.mwexp.validation.Problem;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mwexp import --puppet DIR …}: the spec of what the checkouts hold today. */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    name = "import",
    description = "Print the spec that describes what checkouts of the four repositories hold today;"
        + " a sync of it onto the same checkouts changes nothing.",
    footer = {"", "Example:", "  mwexp import --puppet ~/puppet --charts ~/deployment-charts --dns ~/dns"
        + " --mediawiki-config ~/mediawiki-config > mw-experimental.yaml"})
final class ImportCommand implements Callable<Integer> {

  @Mixin RepositoryOptions repositories;

  @picocli.CommandLine.Spec CommandSpec command;

  @Override
  public Integer call() {
    if (repositories.given().isEmpty()) {
      throw new CommandLine.ParameterException(command.commandLine(),
          "name the checkouts to import from: --puppet, --charts, --dns, --mediawiki-config");
    }
    ArtifactTrees.Builder trees = ArtifactTrees.builder();
    repositories.given().forEach(trees::repository);
    PrintWriter out = command.commandLine().getOut();
    try {
      out.print(Importer.spec(trees.build()));
      out.flush();
      return ExitCodes.OK;
    } catch (SpecException e) {
      PrintWriter err = command.commandLine().getErr();
      for (Problem p : e.problems()) {
        err.println(p.format());
      }
      err.flush();
      return ExitCodes.PROBLEMS;
    }
  }
}
