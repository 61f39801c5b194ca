package dev.mwexp.cli;

import dev.mwexp.export.Exporters;
import dev.mwexp.model.Setup;
import dev.mwexp.repos.CheckoutException;
import dev.mwexp.repos.Checkouts;
import dev.mwexp.repos.Plan;
import dev.mwexp.repos.Sync;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code mwexp sync [SPEC] --puppet DIR …}: mw-experimental's part of the checkouts, and nothing else. */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    name = "sync",
    description = "Write mw-experimental's part of checkouts of the four repositories, touching nothing else."
        + " Exit 0: nothing to change; 4: files changed (or, with --dry-run, would change).",
    footer = {"", "Example:", "  mwexp sync --puppet ~/puppet --charts ~/deployment-charts --dns ~/dns --dry-run"})
final class SyncCommand implements Callable<Integer> {

  @Mixin SpecOption spec;

  @Mixin RepositoryOptions repositories;

  @Mixin OutputOption output;

  @Option(names = "--dry-run", description = "Print unified diffs of what would change, and change nothing.")
  boolean dryRun;

  @picocli.CommandLine.Spec CommandSpec command;

  @Override
  public Integer call() {
    if (repositories.given().isEmpty()) {
      throw new CommandLine.ParameterException(command.commandLine(),
          "name at least one checkout: --puppet, --charts, --dns or --mediawiki-config");
    }
    if (output.sarif()) {
      throw new CommandLine.ParameterException(command.commandLine(), "sync prints text or json, not sarif");
    }
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    JsonReport report = new JsonReport("sync");
    java.util.List<dev.mwexp.validation.Problem> problems = new java.util.ArrayList<>();
    Optional<Setup> setup = output.json() ? spec.load(problems) : spec.load(err);
    if (setup.isEmpty()) {
      if (output.json()) {
        report.problems(problems).print(out, ExitCodes.PROBLEMS);
      }
      return ExitCodes.PROBLEMS;
    }
    try {
      Plan plan = Sync.plan(Exporters.fragments(setup.get()), Checkouts.of(repositories.given()));
      int code = plan.isEmpty() ? ExitCodes.OK : ExitCodes.CHANGED;
      if (output.json()) {
        if (!dryRun) {
          plan.write();
        }
        report.changes(plan, !dryRun).print(out, code);
        return code;
      }
      if (dryRun) {
        out.print(plan.diff());
      } else {
        plan.write().forEach(f -> out.println("wrote " + f));
      }
      out.println(plan.changes().size() + (plan.changes().size() == 1 ? " file " : " files ")
          + (plan.isEmpty() ? "to change: in sync" : dryRun ? "would change" : "changed"));
      out.flush();
      return code;
    } catch (CheckoutException e) {
      if (output.json()) {
        report.problemLines(e.problems()).print(out, ExitCodes.PROBLEMS);
        return ExitCodes.PROBLEMS;
      }
      e.problems().forEach(p -> err.println(dev.mwexp.files.Inert.text(p)));
      err.println("nothing was written");
      err.flush();
      return ExitCodes.PROBLEMS;
    }
  }
}
