package dev.mwexp.cli.args;

import java.util.List;

/**
 * One option of a command: a flag when {@code label} is null, else an option taking a value
 * ({@code --out DIR} or {@code --out=DIR}).
 *
 * @param names its names, the long one first; values are looked up by the first
 * @param label what the value is, as help shows it; null for a flag
 * @param description one sentence or more, for help
 * @param required whether a run without it is a usage error
 * @param defaultValue the value when not given, or null
 * @param list whether it may be repeated, each value split at commas
 * @param choices the only values accepted, or empty for any
 */
public record Option(
    List<String> names, String label, String description, boolean required, String defaultValue, boolean list,
    List<String> choices) {

  public Option {
    names = List.copyOf(names);
    choices = List.copyOf(choices);
  }

  /** A flag: present or not. */
  public static Option flag(String name, String description) {
    return new Option(List.of(name), null, description, false, null, false, List.of());
  }

  /** An option taking one value. */
  public static Option value(String name, String label, String description) {
    return new Option(List.of(name), label, description, false, null, false, List.of());
  }

  public Option asRequired() {
    return new Option(names, label, description, true, defaultValue, list, choices);
  }

  public Option withDefault(String value) {
    return new Option(names, label, description, required, value, list, choices);
  }

  /** Repeatable, each value split at commas: {@code --format a,b --format c}. */
  public Option repeatable() {
    return new Option(names, label, description, required, defaultValue, true, choices);
  }

  public Option choices(String... values) {
    return new Option(names, label, description, required, defaultValue, list, List.of(values));
  }

  /** The name values are looked up by. */
  public String name() {
    return names.get(0);
  }

  boolean isFlag() {
    return label == null;
  }

  /** As usage shows it: {@code --out DIR}, {@code --format FORMAT[,FORMAT...]}, {@code --dry-run}. */
  String synopsis() {
    if (isFlag()) {
      return name();
    }
    return name() + " " + (list ? label + "[," + label + "...]" : label);
  }
}
