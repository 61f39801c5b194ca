package dev.mwexp.cli.args;

import java.util.ArrayList;
import java.util.List;

/**
 * What one command accepts, and what its help says: its options, its one optional positional
 * argument, its description and its examples. Every command also takes {@link #HELP} and
 * {@link #VERSION}.
 *
 * @param name the command's name, as typed after {@code mwexp}
 * @param description what it does; its first sentence is its line in the command list
 * @param options its own options, in the order help lists them
 * @param argument the label of its optional positional argument, or null for none
 * @param argumentDescription what that argument is
 * @param examples command lines, shown under "Examples:"
 */
public record CommandSyntax(
    String name, String description, List<Option> options, String argument, String argumentDescription,
    List<String> examples) {

  public static final Option HELP =
      new Option(List.of("--help", "-h"), null, "Show this help and exit.", false, null, false, List.of());
  public static final Option VERSION =
      new Option(List.of("--version", "-V"), null, "Print the version and exit.", false, null, false, List.of());

  public CommandSyntax {
    options = List.copyOf(options);
    examples = List.copyOf(examples);
  }

  /** Its options followed by --help and --version. */
  List<Option> allOptions() {
    List<Option> all = new ArrayList<>(options);
    all.add(HELP);
    all.add(VERSION);
    return all;
  }

  /** The first sentence of the description, for the list of commands. */
  String summary() {
    int end = description.indexOf(". ");
    return end < 0 ? description : description.substring(0, end + 1);
  }
}
