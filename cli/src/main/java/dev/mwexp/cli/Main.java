package dev.mwexp.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mwexp} command. Exit codes: see {@link ExitCodes}. */
@Command(
    name = "mwexp",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Compiles one mw-experimental spec to Puppet hiera, Kubernetes manifests and ATS routing.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:the spec has problems (printed as file:line:col: path: message), or check found violations or drift",
      "2:wrong usage",
      "3:the output could not be written (the output directory is left as it was)",
      "4:sync changed files, or sync or compile would change them (--dry-run)"
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Every command, in the order help lists them. */
  private static final Map<String, Supplier<Object>> COMMANDS = commands();

  private static Map<String, Supplier<Object>> commands() {
    Map<String, Supplier<Object>> c = new LinkedHashMap<>();
    c.put("validate", ValidateCommand::new);
    c.put("compile", CompileCommand::new);
    c.put("sync", SyncCommand::new);
    c.put("check", CheckCommand::new);
    c.put("import", ImportCommand::new);
    c.put("spec", SpecCommand::new);
    c.put("help", CommandLine.HelpCommand::new);
    return Collections.unmodifiableMap(c);
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
    CommandLine cli = new CommandLine(new Main());
    // picocli reflects over every command it is given, which is most of a run's start-up: when
    // the first argument names a command, that one alone is built (help and typos get them all).
    boolean one = args.length > 0 && COMMANDS.containsKey(args[0]) && !args[0].equals("help");
    COMMANDS.forEach((name, command) -> {
      if (!one || name.equals(args[0])) {
        cli.addSubcommand(name, command.get());
      }
    });
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          // A bug of ours, not bad input: one line, not a stack trace, and a distinct code.
          cmd.getErr().println("mwexp: internal error: " + e);
          return ExitCodes.INTERNAL;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: validate, compile, check or spec");
  }

  /** The version Maven wrote into version.properties when it built this jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws java.io.IOException {
      java.util.Properties p = new java.util.Properties();
      try (var in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"mwexp " + p.getProperty("version", "(unknown version)"), "Java " + Runtime.version()};
    }
  }
}
