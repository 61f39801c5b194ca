package dev.mwexp.cli.args;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Help, printed from the same {@link CommandSyntax} values the parser reads. */
public final class HelpText {

  private static final int WIDTH = 80;
  private static final int COLUMN = 26;

  private HelpText() {}

  /** {@code mwexp CMD --help}. */
  public static String of(String program, CommandSyntax syntax) {
    StringBuilder b = new StringBuilder();
    StringBuilder usage = new StringBuilder("Usage: ").append(program).append(' ').append(syntax.name()).append(" [-hV]");
    if (syntax.argument() != null) {
      usage.append(" [").append(syntax.argument()).append(']');
    }
    for (Option o : syntax.options()) {
      usage.append(' ').append(o.required() ? o.synopsis() : "[" + o.synopsis() + "]");
    }
    wrap(b, usage.toString(), "", "    ");
    b.append('\n');
    wrap(b, syntax.description(), "", "");
    if (syntax.argument() != null) {
      b.append("\nArguments:\n");
      entry(b, syntax.argument(), syntax.argumentDescription());
    }
    b.append("\nOptions:\n");
    for (Option o : syntax.allOptions()) {
      String names = o.names().size() == 1 ? o.synopsis() : o.names().get(1) + ", " + o.synopsis();
      String text = o.description() + (o.required() ? " Required." : "")
          + (o.defaultValue() != null ? " Default: " + o.defaultValue() + "." : "");
      entry(b, names, text);
    }
    if (!syntax.examples().isEmpty()) {
      b.append(syntax.examples().size() == 1 ? "\nExample:\n" : "\nExamples:\n");
      syntax.examples().forEach(e -> b.append("  ").append(e).append('\n'));
    }
    return b.toString();
  }

  /** {@code mwexp --help}: what it is, its commands, and its exit codes. */
  public static String ofProgram(String program, String description, List<CommandSyntax> commands,
      Map<Integer, String> exitCodes) {
    StringBuilder b = new StringBuilder();
    b.append("Usage: ").append(program).append(" [-hV] COMMAND [OPTIONS]\n");
    wrap(b, description, "", "");
    b.append("\nOptions:\n");
    for (Option o : List.of(CommandSyntax.HELP, CommandSyntax.VERSION)) {
      entry(b, o.names().get(1) + ", " + o.name(), o.description(), 19);
    }
    b.append("\nCommands:\n");
    for (CommandSyntax c : commands) {
      entry(b, c.name(), c.summary(), 12);
    }
    entry(b, "help", "Show a command's help: " + program + " help COMMAND.", 12);
    b.append("\nExit codes:\n");
    exitCodes.forEach((code, meaning) -> entry(b, String.valueOf(code), meaning, 6));
    b.append("\nRun '").append(program).append(" help COMMAND' for a command's options and examples.\n");
    return b.toString();
  }

  /** Two columns: the name, then the text wrapped beside it (below it when the name is long). */
  private static void entry(StringBuilder b, String name, String text) {
    entry(b, name, text, COLUMN);
  }

  private static void entry(StringBuilder b, String name, String text, int column) {
    String first = "  " + name;
    String indent = " ".repeat(column);
    if (first.length() >= column - 1) {
      b.append(first).append('\n');
      wrap(b, text, indent, indent);
    } else {
      wrap(b, text, first + " ".repeat(column - first.length()), indent);
    }
  }

  /** Words wrapped at {@link #WIDTH}, the first line after {@code first}, the rest after {@code rest}. */
  private static void wrap(StringBuilder b, String text, String first, String rest) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(first);
    int start = first.length();
    for (String word : text.split(" ")) {
      if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
        lines.add(line.toString());
        line = new StringBuilder(rest);
        start = rest.length();
      }
      if (line.length() > start) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    lines.forEach(l -> b.append(l).append('\n'));
  }
}
