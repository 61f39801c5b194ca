package dev.mwexp.cli;

import dev.mwexp.cli.args.Arguments;
import dev.mwexp.cli.args.CommandSyntax;
import dev.mwexp.cli.args.UsageException;
import java.io.PrintWriter;
import java.util.List;

/** {@code mwexp validate [SPEC]}: every problem with its position, exit 1 on any. */
final class ValidateCommand implements Command {

  private static final CommandSyntax SYNTAX = new CommandSyntax("validate",
      "Check a spec and print every problem with its position.",
      List.of(OutputOption.OPTION), SpecArgument.LABEL, SpecArgument.DESCRIPTION,
      List.of("mwexp validate mw-experimental.yaml"));

  @Override
  public CommandSyntax syntax() {
    return SYNTAX;
  }

  @Override
  public int run(Arguments args, PrintWriter out, PrintWriter err) throws UsageException {
    SpecArgument spec = SpecArgument.of(args);
    OutputOption output = OutputOption.of(args);
    if (output.document()) {
      java.util.List<dev.mwexp.validation.Problem> problems = new java.util.ArrayList<>();
      int code = spec.load(problems).isPresent() ? ExitCodes.OK : ExitCodes.PROBLEMS;
      if (output.sarif()) {
        new SarifReport().diagnostics(problems.stream().map(dev.mwexp.validation.Problem::diagnostic).toList()).print(out);
      } else {
        new JsonReport("validate").problems(problems).print(out, code);
      }
      return code;
    }
    if (spec.load(err).isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    out.println(spec.name() + ": valid");
    return ExitCodes.OK;
  }
}
