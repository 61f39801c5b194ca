package dev.mwexp.cli;

import dev.mwexp.consistency.ArtifactTrees;
import dev.mwexp.consistency.Difference;
import dev.mwexp.consistency.Drift;
import dev.mwexp.consistency.Report;
import dev.mwexp.consistency.RoutingConsistency;
import dev.mwexp.consistency.Violation;
import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Compiler;
import dev.mwexp.model.Setup;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code mwexp check [SPEC] --against DIR}: routing consistency of DIR, and its drift from SPEC. */
@Command(
    name = "check",
    description = "Check that DIR's hiera, Kubernetes and ATS artifacts route consistently, and show how"
        + " DIR drifts from what SPEC compiles to.")
final class CheckCommand implements Callable<Integer> {

  @Mixin SpecOption spec;

  @Option(names = "--against", required = true, paramLabel = "DIR", description = "The tree to check.")
  Path against;

  @Option(names = "--no-drift", description = "Only check routing consistency, not drift from the spec.")
  boolean noDrift;

  @picocli.CommandLine.Spec CommandSpec command;

  @Override
  public Integer call() {
    if (!Files.isDirectory(against)) {
      throw new CommandLine.ParameterException(command.commandLine(), "--against " + against + " is not a directory");
    }
    PrintWriter out = command.commandLine().getOut();
    Optional<Setup> setup = spec.load(command.commandLine().getErr());
    if (setup.isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    Report report = RoutingConsistency.check(ArtifactTrees.of(against), setup.get());
    for (Violation v : report.violations()) {
      out.println(v.format());
    }
    List<Difference> drift = noDrift ? List.of() : drift(setup.get());
    for (Difference d : drift) {
      out.println("DRIFT " + d.format());
    }
    out.println(report.violations().size() + " violations, " + drift.size() + " differences");
    out.flush();
    return report.isClean() && drift.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
  }

  /** Drift in the formats DIR holds. */
  private List<Difference> drift(Setup setup) {
    List<String> formats = new ArrayList<>();
    if (Files.isRegularFile(against.resolve("hiera.yaml"))) {
      formats.add("hiera");
    }
    if (Files.isDirectory(against.resolve("k8s"))) {
      formats.add("k8s");
    }
    if (Files.isDirectory(against.resolve("helmfile.d"))) {
      formats.add("helm-values");
    }
    if (Files.isDirectory(against.resolve("ats"))) {
      formats.add("ats");
    }
    if (Files.isDirectory(against.resolve("dns"))) {
      formats.add("dns");
    }
    Artifacts expected = Compiler.compile(setup, formats);
    try {
      return Drift.between(expected, against);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
