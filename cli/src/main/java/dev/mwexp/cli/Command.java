package dev.mwexp.cli;

import dev.mwexp.cli.args.Arguments;
import dev.mwexp.cli.args.CommandSyntax;
import dev.mwexp.cli.args.UsageException;
import java.io.PrintWriter;

/** One {@code mwexp} command: what it accepts, and what it does with what it was given. */
interface Command {

  CommandSyntax syntax();

  /** Runs the command and returns its exit code ({@link ExitCodes}); a {@link UsageException} exits 2. */
  int run(Arguments args, PrintWriter out, PrintWriter err) throws UsageException;
}
