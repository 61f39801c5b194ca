package dev.mwexp.cli;

import dev.mwexp.cli.args.Arguments;
import dev.mwexp.cli.args.CommandSyntax;
import dev.mwexp.cli.args.Option;
import dev.mwexp.cli.args.UsageException;
import dev.mwexp.export.Exporters;
import dev.mwexp.fragment.Repository;
import dev.mwexp.model.Setup;
import dev.mwexp.repos.CheckoutException;
import dev.mwexp.repos.CheckoutBusyException;
import dev.mwexp.repos.CheckoutLocks;
import dev.mwexp.repos.Checkouts;
import dev.mwexp.repos.Plan;
import dev.mwexp.repos.Sync;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code mwexp sync [SPEC] --puppet DIR …}: mw-experimental's part of the checkouts, and nothing else. */
final class SyncCommand implements Command {

  private static final Option DRY_RUN =
      Option.flag("--dry-run", "Print unified diffs of what would change, and change nothing.");

  private static final Option WITH_CHANGE = Option.value("--with-change", "NAME",
      "Also make this change outside mw-experimental's parts, in the same transaction:"
          + " mediawiki-chart-traffic-policy (a new mesh.service version, vendored into the mediawiki chart).")
      .repeatable();

  private static final CommandSyntax SYNTAX = new CommandSyntax("sync",
      "Write mw-experimental's part of checkouts of the four repositories, touching nothing else."
          + " Exit 0: nothing to change; 4: files changed (or, with --dry-run, would change).",
      RepositoryOptions.options(List.of(), List.of(OutputOption.OPTION, DRY_RUN, WITH_CHANGE)),
      SpecArgument.LABEL, SpecArgument.DESCRIPTION,
      List.of("mwexp sync --puppet ~/puppet --charts ~/deployment-charts --dns ~/dns --dry-run"));

  @Override
  public CommandSyntax syntax() {
    return SYNTAX;
  }

  @Override
  public int run(Arguments args, PrintWriter out, PrintWriter err) throws UsageException {
    SpecArgument spec = SpecArgument.of(args);
    Map<Repository, Path> repos = RepositoryOptions.given(args);
    OutputOption output = OutputOption.of(args);
    boolean dryRun = args.flag(DRY_RUN.name());
    if (repos.isEmpty()) {
      throw new UsageException("name at least one checkout: --puppet, --charts, --dns or --mediawiki-config");
    }
    if (output.sarif()) {
      throw new UsageException("sync prints text or json, not sarif");
    }
    JsonReport report = new JsonReport("sync");
    java.util.List<dev.mwexp.validation.Problem> problems = new java.util.ArrayList<>();
    Optional<Setup> setup = output.json() ? spec.load(problems) : spec.load(err);
    if (setup.isEmpty()) {
      if (output.json()) {
        report.problems(problems).print(out, ExitCodes.PROBLEMS);
      }
      return ExitCodes.PROBLEMS;
    }
    java.util.List<dev.mwexp.fragment.Fragment> fragments;
    try {
      fragments = Exporters.fragments(setup.get(), args.values(WITH_CHANGE.name()));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    // One sync at a time per checkout; what a killed one left is finished before anything is read.
    try (CheckoutLocks locks = CheckoutLocks.take(repos.values())) {
      Sync.recover(repos.values()).forEach(m -> err.println("mwexp: " + dev.mwexp.files.Inert.text(m)));
      Plan plan = Sync.plan(fragments, Checkouts.of(repos));
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
        plan.write().forEach(f -> out.println("wrote " + dev.mwexp.files.Inert.text(String.valueOf(f))));
      }
      out.println(plan.changes().size() + (plan.changes().size() == 1 ? " file " : " files ")
          + (plan.isEmpty() ? "to change: in sync" : dryRun ? "would change" : "changed"));
      return code;
    } catch (CheckoutBusyException e) {
      err.println(dev.mwexp.files.Inert.text(e.getMessage()));
      err.println("nothing was written");
      return ExitCodes.BUSY;
    } catch (CheckoutException e) {
      if (output.json()) {
        report.problemLines(e.problems()).print(out, ExitCodes.PROBLEMS);
        return ExitCodes.PROBLEMS;
      }
      e.problems().forEach(p -> err.println(dev.mwexp.files.Inert.text(p)));
      // A transaction's failure says itself what state the checkouts are in.
      if (e.problems().stream().noneMatch(p -> p.startsWith("rolled back") || p.startsWith("could not restore")
          || p.equals("nothing was written"))) {
        err.println("nothing was written");
      }
      return ExitCodes.PROBLEMS;
    }
  }
}
