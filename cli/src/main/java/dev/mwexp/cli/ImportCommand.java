package dev.mwexp.cli;

import dev.mwexp.cli.args.Arguments;
import dev.mwexp.cli.args.CommandSyntax;
import dev.mwexp.cli.args.UsageException;
import dev.mwexp.consistency.ArtifactTrees;
import dev.mwexp.workspace.Workspace;
import dev.mwexp.consistency.Importer;
import dev.mwexp.fragment.Repository;
import dev.mwexp.repos.CheckoutException;
import dev.mwexp.repos.HandEdits;
import dev.mwexp.spec.Spec;
import dev.mwexp.spec.SpecException;
import dev.mwexp.validation.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code mwexp import --puppet DIR …}: the spec of what the checkouts hold today. */
final class ImportCommand implements Command {

  private static final CommandSyntax SYNTAX = new CommandSyntax("import",
      "Print the spec that describes what checkouts of the four repositories hold today;"
          + " a sync of it onto the same checkouts changes nothing, except the hand edits it warns of on stderr.",
      RepositoryOptions.options(List.of(), List.of()), null, null,
      List.of("mwexp import --puppet ~/puppet --charts ~/deployment-charts --dns ~/dns"
          + " --mediawiki-config ~/mediawiki-config > mw-experimental.yaml"));

  @Override
  public CommandSyntax syntax() {
    return SYNTAX;
  }

  @Override
  public int run(Arguments args, PrintWriter out, PrintWriter err) throws UsageException {
    // Read under the checkouts' locks, after finishing what a killed sync left in them.
    return LockedCheckouts.run(RepositoryOptions.given(args).values(), err, () -> importLocked(args, out, err));
  }

  private int importLocked(Arguments args, PrintWriter out, PrintWriter err) throws UsageException {
    Map<Repository, Path> repos = RepositoryOptions.given(args);
    if (repos.isEmpty()) {
      throw new UsageException("name the checkouts to import from: --puppet, --charts, --dns, --mediawiki-config");
    }
    // The importer and the hand-edit warnings read the checkouts through one workspace.
    Workspace workspace = Workspace.open(repos);
    ArtifactTrees.Builder trees = ArtifactTrees.builder().workspace(workspace);
    try {
      String spec = Importer.spec(trees.build());
      out.print(spec);
      // What the spec cannot express, a sync of it would revert: say so now, on stderr.
      try {
        for (String warning : HandEdits.revertedBy(Spec.parse(spec, "<imported>"), workspace)) {
          err.println(warning);
        }
      } catch (CheckoutException e) {
        e.problems().forEach(p -> err.println("warning: " + dev.mwexp.files.Inert.text(p)));
      }
      return ExitCodes.OK;
    } catch (SpecException e) {
      for (Problem p : e.problems()) {
        err.println(p.format());
      }
      return ExitCodes.PROBLEMS;
    }
  }
}
