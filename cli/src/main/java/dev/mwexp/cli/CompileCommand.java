package dev.mwexp.cli;

import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Exporters;
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
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    name = "compile", footer = {"", "Examples:", "  mwexp compile mw-experimental.yaml --out out/",
        "  mwexp compile mw-experimental.yaml --out out/ --dry-run"},
    description = "Compile a spec into DIR as mw-experimental's part of the four repositories"
    + " (DIR/puppet, DIR/deployment-charts, DIR/dns, DIR/mediawiki-config), written atomically.")
final class CompileCommand implements Callable<Integer> {

  @Mixin SpecOption spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory; replaced whole.")
  Path out;

  @Option(
      names = "--format",
      split = ",",
      paramLabel = "FORMAT",
      description = "Formats to write (default: ${DEFAULT-VALUE}).",
      defaultValue = "hiera,helm-values,ats,dns")
  List<String> formats;

  @Option(
      names = "--raw-manifests",
      description = "Write plain Kubernetes manifests under DIR/k8s/<dc>/ instead of the chart's values, for clusters"
          + " without Wikimedia's chart.")
  boolean rawManifests;

  @Option(names = "--dry-run", description = "Print unified diffs of what would change in DIR, and write nothing."
      + " Exit 0: DIR is up to date; 4: it would change.")
  boolean dryRun;

  @picocli.CommandLine.Spec CommandSpec command;

  @Override
  public Integer call() {
    List<String> selected = new ArrayList<>(formats);
    if (rawManifests) {
      // For clusters without Wikimedia's chart: the manifests take the chart values' place.
      selected.replaceAll(f -> f.equals("helm-values") ? "k8s" : f);
    }
    for (String f : selected) {
      if (!Exporters.exporters().containsKey(f)) {
        throw new CommandLine.ParameterException(
            command.commandLine(),
            "unknown format '" + f + "'; available: " + String.join(", ", Exporters.exporters().keySet()));
      }
    }
    Optional<Setup> setup = spec.load(command.commandLine().getErr());
    if (setup.isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    Artifacts artifacts = Exporters.compile(setup.get(), selected);
    try {
      if (dryRun) {
        String diff = OutputDirectory.plan(out, artifacts);
        command.commandLine().getOut().print(diff);
        command.commandLine().getOut().println(diff.isEmpty() ? out + " is up to date" : "would change " + out);
        command.commandLine().getOut().flush();
        return diff.isEmpty() ? ExitCodes.OK : ExitCodes.CHANGED;
      }
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
