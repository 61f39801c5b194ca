package dev.mwexp.cli.args;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed command line: the values given, by option name, defaults filled in. */
public final class Arguments {

  private final Map<String, List<String>> values;
  private final String argument;

  Arguments(Map<String, List<String>> values, String argument) {
    this.values = values;
    this.argument = argument;
  }

  /** Whether a flag was given. */
  public boolean flag(String name) {
    return values.containsKey(name);
  }

  /** The value of an option, or its default; empty when neither. */
  public Optional<String> value(String name) {
    List<String> v = values.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
  }

  /** Every value of a list option, split at commas, or its default's. */
  public List<String> values(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** The value of an option naming a path. */
  public Optional<Path> path(String name) throws UsageException {
    Optional<String> v = value(name);
    return v.isEmpty() ? Optional.empty() : Optional.of(toPath(name, v.get()));
  }

  /** The positional argument, if given. */
  public Optional<String> argument() {
    return Optional.ofNullable(argument);
  }

  /** {@code value} as a path; {@code what} names it in the error. */
  public static Path toPath(String what, String value) throws UsageException {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException(what + ": '" + dev.mwexp.files.Inert.text(value) + "' is not a path: " + e.getReason());
    }
  }
}
