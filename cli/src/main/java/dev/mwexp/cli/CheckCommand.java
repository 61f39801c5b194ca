package dev.mwexp.cli;

import dev.mwexp.cli.args.Arguments;
import dev.mwexp.cli.args.CommandSyntax;
import dev.mwexp.cli.args.Option;
import dev.mwexp.cli.args.UsageException;
import dev.mwexp.consistency.ArtifactTrees;
import dev.mwexp.consistency.Difference;
import dev.mwexp.consistency.Drift;
import dev.mwexp.consistency.Report;
import dev.mwexp.consistency.RoutingConsistency;
import dev.mwexp.consistency.Violation;
import dev.mwexp.diagnostic.Diagnostic;
import dev.mwexp.export.Exporters;
import dev.mwexp.fragment.Repository;
import dev.mwexp.model.Setup;
import dev.mwexp.repos.CheckoutException;
import dev.mwexp.repos.Checkouts;
import dev.mwexp.workspace.Workspace;
import dev.mwexp.repos.Plan;
import dev.mwexp.repos.Sync;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code mwexp check [SPEC] (--against DIR | --puppet DIR …)}: whether the trees route
 * consistently; with SPEC, also how they drift from it.
 */
final class CheckCommand implements Command {

  private static final Option AGAINST = Option.value("--against", "DIR", "A tree laid out as compile writes it.");
  private static final Option NO_DRIFT =
      Option.flag("--no-drift", "Only check routing consistency, not drift from the spec.");

  private static final CommandSyntax SYNTAX = new CommandSyntax("check",
      "Check that the trees route every X-Wikimedia-Debug backend consistently, through the CNAME to a"
          + " host that is labelled, tainted, runs one pod on the same port and mounts the same path. Without SPEC, only"
          + " the trees' own consistency; with SPEC, also their drift from it.",
      RepositoryOptions.options(List.of(AGAINST), List.of(OutputOption.OPTION, NO_DRIFT)),
      SpecArgument.LABEL, SpecArgument.DESCRIPTION,
      List.of("mwexp check --puppet ~/puppet --charts ~/deployment-charts --dns ~/dns --mediawiki-config"
          + " ~/mediawiki-config", "mwexp check spec.yaml --against out/"));

  @Override
  public CommandSyntax syntax() {
    return SYNTAX;
  }

  @Override
  public int run(Arguments args, PrintWriter out, PrintWriter err) throws UsageException {
    // Read under the checkouts' locks, after finishing what a killed sync left in them.
    return LockedCheckouts.run(RepositoryOptions.given(args).values(), err, () -> checkLocked(args, out, err));
  }

  private int checkLocked(Arguments args, PrintWriter out, PrintWriter err) throws UsageException {
    SpecArgument spec = SpecArgument.of(args);
    Map<Repository, Path> repos = RepositoryOptions.given(args);
    OutputOption output = OutputOption.of(args);
    Path against = args.path(AGAINST.name()).orElse(null);
    if ((against == null) == repos.isEmpty()) {
      throw new UsageException(
          "give either --against DIR or the checkouts (--puppet, --charts, --dns, --mediawiki-config)");
    }
    if (against != null && !Files.isDirectory(against)) {
      throw new UsageException("--against " + dev.mwexp.files.Inert.text(against.toString()) + " is not a directory");
    }
    Optional<Setup> model = Optional.empty();
    JsonReport json = new JsonReport("check");
    if (spec.isGiven()) {
      java.util.List<dev.mwexp.validation.Problem> problems = new java.util.ArrayList<>();
      model = output.document() ? spec.load(problems) : spec.load(err);
      if (model.isEmpty()) {
        List<Diagnostic> found = problems.stream().map(dev.mwexp.validation.Problem::diagnostic).toList();
        if (output.sarif()) {
          new SarifReport().diagnostics(found).print(out);
        } else if (output.json()) {
          json.problems(problems).diagnostics(found).print(out, ExitCodes.PROBLEMS);
        }
        return ExitCodes.PROBLEMS;
      }
    }
    ArtifactTrees trees;
    // The checker and the drift plan read the checkouts through one workspace: each file once.
    Workspace workspace = Workspace.open(repos);
    if (against != null) {
      trees = ArtifactTrees.of(against);
    } else {
      ArtifactTrees.Builder b = ArtifactTrees.builder().workspace(workspace);
      model.ifPresent(m -> b.service(m.service().name()));
      trees = b.build();
    }
    Report report = model.map(m -> RoutingConsistency.check(trees, m)).orElseGet(() -> RoutingConsistency.check(trees));
    // Text goes to a sink when the output is JSON: one document, built from the same values.
    PrintWriter text = output.document() ? new PrintWriter(java.io.Writer.nullWriter()) : out;
    // Every finding of the run, in one list that the text, JSON and SARIF outputs all print.
    List<Diagnostic> findings = new ArrayList<>();
    json.violations(report.violations());
    for (Violation v : report.violations()) {
      text.println(v.format());
      findings.add(v.diagnostic());
    }
    int drift = 0;
    if (model.isPresent() && !args.flag(NO_DRIFT.name())) {
      if (against != null) {
        List<Difference> differences = drift(model.get(), against);
        json.differences(differences);
        differences.forEach(d -> {
          text.println("DRIFT " + d.format());
          text.print(d.diff());
          findings.add(d.diagnostic());
        });
        drift = differences.size();
      } else {
        try {
          Plan plan = Sync.plan(Exporters.fragments(model.get()), Checkouts.of(workspace));
          json.changes(plan, false);
          text.print(plan.diff());
          plan.changes().forEach(c -> findings.add(c.diagnostic()));
          drift = plan.changes().size();
          if (drift > 0) {
            text.println("to bring the checkouts in line with the spec: mwexp sync " + spec.name() + " <the same checkouts>");
          }
        } catch (CheckoutException e) {
          json.problemLines(e.problems());
          e.problems().forEach(p -> text.println("DRIFT " + dev.mwexp.files.Inert.text(p)));
          findings.addAll(e.diagnostics());
          drift = e.problems().size();
        }
      }
    }
    int code = report.isClean() && drift == 0 ? ExitCodes.OK : ExitCodes.PROBLEMS;
    if (output.sarif()) {
      new SarifReport().diagnostics(findings).print(out);
      return code;
    }
    if (output.json()) {
      json.diagnostics(findings).print(out, code);
      return code;
    }
    out.println(report.violations().size() + " violations, " + drift + " differences");
    return code;
  }

  /** Drift in the repositories DIR holds. */
  private static List<Difference> drift(Setup setup, Path against) {
    List<String> formats = new ArrayList<>();
    if (Files.isDirectory(against.resolve("puppet"))) {
      formats.add("hiera");
    }
    if (Files.isDirectory(against.resolve("k8s"))) {
      formats.add("k8s");
    }
    if (Files.isDirectory(against.resolve("deployment-charts"))) {
      formats.add("helm-values");
    }
    if (Files.isDirectory(against.resolve("puppet")) || Files.isDirectory(against.resolve("mediawiki-config"))) {
      formats.add("ats");
    }
    if (Files.isDirectory(against.resolve("dns"))) {
      formats.add("dns");
    }
    try {
      return Drift.between(Exporters.compile(setup, formats), against);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
