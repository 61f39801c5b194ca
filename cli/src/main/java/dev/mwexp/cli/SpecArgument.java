package dev.mwexp.cli;

import dev.mwexp.cli.args.Arguments;
import dev.mwexp.cli.args.UsageException;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import dev.mwexp.spec.SpecException;
import dev.mwexp.validation.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The optional spec argument every command but import takes; without it, the built-in default. */
final class SpecArgument {

  static final String LABEL = "SPEC";
  static final String DESCRIPTION =
      "The spec file (YAML), or - for standard input. Default: the built-in Wikimedia setup.";

  private final Path file;

  private SpecArgument(Path file) {
    this.file = file;
  }

  static SpecArgument of(Arguments args) throws UsageException {
    Optional<String> given = args.argument();
    return new SpecArgument(given.isEmpty() ? null : Arguments.toPath(LABEL, given.get()));
  }

  /** The validated setup, or empty after printing every problem to {@code err}. */
  Optional<Setup> load(PrintWriter err) {
    List<Problem> problems = new java.util.ArrayList<>();
    Optional<Setup> setup = load(problems);
    if (setup.isEmpty()) {
      for (Problem p : problems) {
        err.println(p.format());
      }
      err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems"));
      err.flush();
    }
    return setup;
  }

  /** The validated setup, or empty with every problem added to {@code problems}. */
  Optional<Setup> load(List<Problem> problems) {
    try {
      if (file == null) {
        return Optional.of(Spec.defaultSetup());
      }
      return Optional.of(file.toString().equals("-") ? Spec.read(System.in, "<stdin>") : Spec.load(file));
    } catch (SpecException e) {
      problems.addAll(e.problems());
      return Optional.empty();
    }
  }

  /** The spec's text as given (standard input, a file, or the built-in default), bounded and UTF-8. */
  String text() throws dev.mwexp.files.TreeException, java.io.IOException {
    if (file == null) {
      return Spec.defaultSpecText();
    }
    byte[] bytes = file.toString().equals("-")
        ? dev.mwexp.files.SafeTree.bounded(System.in, "<stdin>", Spec.MAX_BYTES)
        : dev.mwexp.files.SafeTree.readBytes(file, file.toString(), Spec.MAX_BYTES);
    return dev.mwexp.files.SafeTree.decode(name(), bytes);
  }

  /** Whether a spec was named (without one, the built-in default is used). */
  boolean isGiven() {
    return file != null;
  }

  String name() {
    return file == null ? Spec.DEFAULT_ORIGIN : file.toString();
  }
}
