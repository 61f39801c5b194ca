package dev.mwexp.cli;

import dev.mwexp.cli.args.ArgumentParser;
import dev.mwexp.cli.args.CommandSyntax;
import dev.mwexp.cli.args.HelpText;
import dev.mwexp.cli.args.UsageException;
import dev.mwexp.files.Inert;
import dev.mwexp.spec.Suggestions;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code mwexp} command: finds the command named first and runs it. Exit codes: see {@link ExitCodes}. */
public final class Main {

  private static final String PROGRAM = "mwexp";
  private static final String DESCRIPTION =
      "Writes mw-experimental's part of operations/puppet, deployment-charts, dns and mediawiki-config"
          + " from one spec, and checks that they agree.";

  private Main() {}

  /** Every command, in the order help lists them. */
  static List<Command> commands() {
    return List.of(new ValidateCommand(), new CompileCommand(), new SyncCommand(), new CheckCommand(),
        new ImportCommand(), new SpecCommand(), new HostsCommand());
  }

  private static Map<Integer, String> exitCodes() {
    Map<Integer, String> codes = new LinkedHashMap<>();
    codes.put(ExitCodes.OK, "success");
    codes.put(ExitCodes.PROBLEMS, "the spec has problems (printed as file:line:col: path: message), or check found"
        + " violations or drift");
    codes.put(ExitCodes.USAGE, "wrong usage");
    codes.put(ExitCodes.OUTPUT, "the output could not be written (the output directory is left as it was)");
    codes.put(ExitCodes.CHANGED, "sync changed files, or sync or compile would change them (--dry-run)");
    return codes;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code; never calls {@code System.exit}. */
  public static int run(String... args) {
    return run(
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        args);
  }

  /** As {@link #run(String...)}, printing to the given writers. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    try {
      return dispatch(out, err, List.of(args));
    } catch (UsageException e) {
      // Named after the command when there is one: "mwexp compile: missing required option: --out DIR".
      boolean known = args.length > 0 && commands().stream().anyMatch(c -> c.syntax().name().equals(args[0]));
      err.println(PROGRAM + (known ? " " + args[0] : "") + ": " + e.getMessage());
      err.println("Run '" + PROGRAM + (known ? " help " + args[0] : " --help") + "' for usage.");
      return ExitCodes.USAGE;
    } catch (RuntimeException e) {
      // A bug of ours, not bad input: one line, not a stack trace, and a distinct code.
      err.println(PROGRAM + ": internal error: " + e);
      return ExitCodes.INTERNAL;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int dispatch(PrintWriter out, PrintWriter err, List<String> args) throws UsageException {
    if (args.isEmpty()) {
      throw new UsageException("a command is required: validate, compile, sync, check, import or spec");
    }
    String first = args.get(0);
    List<String> rest = args.subList(1, args.size());
    if (CommandSyntax.HELP.names().contains(first) || first.equals("help") && rest.isEmpty()) {
      out.print(programHelp());
      return ExitCodes.OK;
    }
    if (CommandSyntax.VERSION.names().contains(first)) {
      out.println(versions());
      return ExitCodes.OK;
    }
    if (first.equals("help")) {
      out.print(HelpText.of(PROGRAM, find(rest.get(0)).syntax()));
      return ExitCodes.OK;
    }
    Command command = find(first);
    switch (ArgumentParser.request(rest)) {
      case HELP:
        out.print(HelpText.of(PROGRAM, command.syntax()));
        return ExitCodes.OK;
      case VERSION:
        out.println(versions());
        return ExitCodes.OK;
      default:
        return command.run(ArgumentParser.parse(command.syntax(), rest), out, err);
    }
  }

  private static Command find(String name) throws UsageException {
    List<String> names = new ArrayList<>();
    for (Command c : commands()) {
      if (c.syntax().name().equals(name)) {
        return c;
      }
      names.add(c.syntax().name());
    }
    if (name.startsWith("-")) {
      throw new UsageException("unknown option '" + Inert.text(name) + "'; a command comes first: "
          + String.join(", ", names));
    }
    String close = Suggestions.closest(name, names);
    throw new UsageException("unknown command '" + Inert.text(name) + "'"
        + (close == null ? "; the commands are " + String.join(", ", names) : "; did you mean '" + close + "'?"));
  }

  private static String programHelp() {
    List<CommandSyntax> syntaxes = new ArrayList<>();
    commands().forEach(c -> syntaxes.add(c.syntax()));
    return HelpText.ofProgram(PROGRAM, DESCRIPTION, syntaxes, exitCodes());
  }

  /** mwexp's version and the JVM's, as -V prints them. */
  private static String versions() {
    return PROGRAM + " " + version().orElse("(unknown version)") + "\nJava " + Runtime.version();
  }

  /** The version Maven wrote into version.properties when it built this jar. */
  static java.util.Optional<String> version() {
    java.util.Properties p = new java.util.Properties();
    try (var in = Main.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (java.io.IOException e) {
      // Then the version is unknown, and -V and SARIF logs say so by leaving it out.
    }
    return java.util.Optional.ofNullable(p.getProperty("version"));
  }
}
