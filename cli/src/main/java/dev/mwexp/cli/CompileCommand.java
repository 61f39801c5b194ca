package dev.mwexp.cli;

import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Compiler;
import dev.mwexp.export.OutputDirectory;
import dev.mwexp.export.OutputException;
import dev.mwexp.model.Setup;
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

/** {@code mwexp compile [SPEC] --out DIR}: every format, written atomically. */
@Command(name = "compile", description = "Compile a spec and write the files atomically into DIR.")
final class CompileCommand implements Callable<Integer> {

  @Mixin SpecOption spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory; replaced whole.")
  Path out;

  @Option(
      names = "--format",
      split = ",",
      paramLabel = "FORMAT",
      description = "Formats to write (default: ${DEFAULT-VALUE}).",
      defaultValue = "hiera,k8s,ats,dns")
  List<String> formats;

  @Option(
      names = "--k8s-format",
      paramLabel = "manifests|helm-values",
      defaultValue = "manifests",
      description = "Kubernetes output: plain manifests, or Wikimedia helmfile values (default: ${DEFAULT-VALUE}).")
  String k8sFormat;

  @picocli.CommandLine.Spec CommandSpec command;

  @Override
  public Integer call() {
    List<String> selected = new ArrayList<>(formats);
    switch (k8sFormat) {
      case "manifests" -> { }
      case "helm-values" -> selected.replaceAll(f -> f.equals("k8s") ? "helm-values" : f);
      default -> throw new CommandLine.ParameterException(
          command.commandLine(), "--k8s-format must be manifests or helm-values, not " + k8sFormat);
    }
    for (String f : selected) {
      if (!Compiler.exporters().containsKey(f)) {
        throw new CommandLine.ParameterException(
            command.commandLine(),
            "unknown format '" + f + "'; available: " + String.join(", ", Compiler.exporters().keySet()));
      }
    }
    Optional<Setup> setup = spec.load(command.commandLine().getErr());
    if (setup.isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    Artifacts artifacts = Compiler.compile(setup.get(), selected);
    try {
      OutputDirectory.write(out, artifacts);
    } catch (OutputException e) {
      command.commandLine().getErr().println("mwexp: " + e.getMessage());
      e.offending().forEach(f -> command.commandLine().getErr().println("  " + dev.mwexp.files.Inert.text(f)));
      command.commandLine().getErr().flush();
      return ExitCodes.OUTPUT;
    }
    command.commandLine().getOut().println("wrote " + artifacts.files().size() + " files to " + out);
    return ExitCodes.OK;
  }
}
