package dev.mwexp.cli;

import dev.mwexp.cli.args.Arguments;
import dev.mwexp.cli.args.CommandSyntax;
import dev.mwexp.cli.args.Option;
import dev.mwexp.cli.args.UsageException;
import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Exporters;
import dev.mwexp.export.OutputDirectory;
import dev.mwexp.export.OutputException;
import dev.mwexp.model.Setup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code mwexp compile [SPEC] --out DIR}: every format, written atomically. */
final class CompileCommand implements Command {

  private static final Option OUT = Option.value("--out", "DIR", "Output directory; replaced whole.").asRequired();
  private static final Option FORMAT = Option.value("--format", "FORMAT", "Formats to write.")
      .withDefault("hiera,helm-values,ats,dns").repeatable();
  private static final Option RAW_MANIFESTS = Option.flag("--raw-manifests",
      "Write plain Kubernetes manifests under DIR/k8s/<dc>/ instead of the chart's values, for clusters"
          + " without Wikimedia's chart.");
  private static final Option DRY_RUN = Option.flag("--dry-run",
      "Print unified diffs of what would change in DIR, and write nothing. Exit 0: DIR is up to date; 4: it would"
          + " change.");

  private static final CommandSyntax SYNTAX = new CommandSyntax("compile",
      "Compile a spec into DIR as mw-experimental's part of the four repositories (DIR/puppet,"
          + " DIR/deployment-charts, DIR/dns, DIR/mediawiki-config), written atomically.",
      List.of(OUT, FORMAT, RAW_MANIFESTS, DRY_RUN), SpecArgument.LABEL, SpecArgument.DESCRIPTION,
      List.of("mwexp compile mw-experimental.yaml --out out/", "mwexp compile mw-experimental.yaml --out out/ --dry-run"));

  @Override
  public CommandSyntax syntax() {
    return SYNTAX;
  }

  @Override
  public int run(Arguments args, PrintWriter out, PrintWriter err) throws UsageException {
    SpecArgument spec = SpecArgument.of(args);
    Path dir = args.path(OUT.name()).orElseThrow();
    List<String> selected = new ArrayList<>(args.values(FORMAT.name()));
    if (args.flag(RAW_MANIFESTS.name())) {
      // For clusters without Wikimedia's chart: the manifests take the chart values' place.
      selected.replaceAll(f -> f.equals("helm-values") ? "k8s" : f);
    }
    // Checked before the spec is read, so a mistyped format is a usage error whatever the spec holds.
    java.util.Set<String> available = Exporters.exporters().keySet();
    for (String f : selected) {
      if (!available.contains(f)) {
        throw new UsageException("unknown format '" + dev.mwexp.files.Inert.text(f) + "'; available: "
            + String.join(", ", available));
      }
    }
    Optional<Setup> setup = spec.load(err);
    if (setup.isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    Artifacts artifacts = Exporters.compile(setup.get(), selected);
    try {
      if (args.flag(DRY_RUN.name())) {
        String diff = OutputDirectory.plan(dir, artifacts);
        out.print(diff);
        out.println(diff.isEmpty() ? dir + " is up to date" : "would change " + dir);
        return diff.isEmpty() ? ExitCodes.OK : ExitCodes.CHANGED;
      }
      OutputDirectory.write(dir, artifacts);
    } catch (OutputException e) {
      err.println("mwexp: " + e.getMessage());
      e.offending().forEach(f -> err.println("  " + dev.mwexp.files.Inert.text(f)));
      return ExitCodes.OUTPUT;
    }
    out.println("wrote " + artifacts.files().size() + " files to " + dev.mwexp.files.Inert.text(String.valueOf(dir)));
    return ExitCodes.OK;
  }
}
