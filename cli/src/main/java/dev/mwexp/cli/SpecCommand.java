package dev.mwexp.cli;

import dev.mwexp.cli.args.Arguments;
import dev.mwexp.cli.args.CommandSyntax;
import dev.mwexp.cli.args.Option;
import dev.mwexp.cli.args.UsageException;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** {@code mwexp spec [SPEC]}: the spec with every default made explicit. */
final class SpecCommand implements Command {

  private static final Option EXPLAIN = Option.flag("--explain",
      "Print each value with where it came from, as puppet lookup --explain does; works on an invalid spec.");

  private static final CommandSyntax SYNTAX = new CommandSyntax("spec",
      "Print the spec in canonical form, every default explicit; with --explain, each value"
          + " and where it came from (the spec's file:line:col, or the default), problems marked.",
      List.of(EXPLAIN), SpecArgument.LABEL, SpecArgument.DESCRIPTION,
      List.of("mwexp spec mw-experimental.yaml > canonical.yaml", "mwexp spec --explain mw-experimental.yaml"));

  @Override
  public CommandSyntax syntax() {
    return SYNTAX;
  }

  @Override
  public int run(Arguments args, PrintWriter out, PrintWriter err) throws UsageException {
    SpecArgument spec = SpecArgument.of(args);
    if (args.flag(EXPLAIN.name())) {
      return explain(spec, out, err);
    }
    Optional<Setup> setup = spec.load(err);
    if (setup.isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    out.print(Spec.write(setup.get()));
    return ExitCodes.OK;
  }

  private static int explain(SpecArgument spec, PrintWriter out, PrintWriter err) {
    String text;
    try {
      text = spec.text();
    } catch (dev.mwexp.files.TreeException | java.io.IOException e) {
      err.println(dev.mwexp.files.Inert.text(e.getMessage()));
      return ExitCodes.PROBLEMS;
    }
    var entries = dev.mwexp.spec.Provenance.explain(text, spec.name());
    out.print(dev.mwexp.spec.Provenance.format(entries));
    return entries.stream().anyMatch(e -> !e.problems().isEmpty()) ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }
}
