package dev.mwexp.cli.args;

import dev.mwexp.files.Inert;
import dev.mwexp.spec.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a command's arguments against its {@link CommandSyntax}: {@code --name value},
 * {@code --name=value}, flags, one positional argument, and {@code --} before an argument that
 * starts with a dash. {@code -} is an argument (standard input).
 */
public final class ArgumentParser {

  /** What a command line asked for. */
  public enum Request { RUN, HELP, VERSION }

  private ArgumentParser() {}

  /** Whether {@code args} ask for help or the version; checked first, so help works without required options. */
  public static Request request(List<String> args) {
    for (String a : args) {
      if (a.equals("--")) {
        break;
      }
      if (CommandSyntax.HELP.names().contains(a)) {
        return Request.HELP;
      }
      if (CommandSyntax.VERSION.names().contains(a)) {
        return Request.VERSION;
      }
    }
    return Request.RUN;
  }

  public static Arguments parse(CommandSyntax syntax, List<String> args) throws UsageException {
    Map<String, Option> byName = new LinkedHashMap<>();
    for (Option o : syntax.allOptions()) {
      o.names().forEach(n -> byName.put(n, o));
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    String argument = null;
    boolean optionsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!optionsEnded && a.equals("--")) {
        optionsEnded = true;
        continue;
      }
      if (optionsEnded || !a.startsWith("-") || a.equals("-")) {
        if (syntax.argument() == null || argument != null) {
          throw new UsageException("unexpected argument '" + Inert.text(a) + "'"
              + (syntax.argument() == null ? "; " + syntax.name() + " takes options only" : "; only one "
              + syntax.argument() + " is taken"));
        }
        argument = a;
        continue;
      }
      int eq = a.indexOf('=');
      String name = eq > 0 && a.startsWith("--") ? a.substring(0, eq) : a;
      Option option = byName.get(name);
      if (option == null) {
        String close = Suggestions.closest(name, byName.keySet());
        throw new UsageException("unknown option '" + Inert.text(name) + "'"
            + (close == null ? "" : "; did you mean '" + close + "'?"));
      }
      List<String> given = values.computeIfAbsent(option.name(), k -> new ArrayList<>());
      if (!option.list() && !given.isEmpty()) {
        throw new UsageException("option '" + option.name() + "' is given more than once");
      }
      if (option.isFlag()) {
        if (name.length() != a.length()) {
          throw new UsageException("option '" + option.name() + "' takes no value");
        }
        given.add("true");
        continue;
      }
      String value;
      if (name.length() != a.length()) {
        value = a.substring(eq + 1);
      } else if (i + 1 < args.size() && !byName.containsKey(args.get(i + 1))) {
        value = args.get(++i);
      } else {
        throw new UsageException("option '" + option.name() + "' needs a value: " + option.synopsis());
      }
      for (String v : option.list() ? List.of(value.split(",", -1)) : List.of(value)) {
        if (!option.choices().isEmpty() && !option.choices().contains(v)) {
          throw new UsageException("option '" + option.name() + "' takes " + String.join(", ", option.choices())
              + ", not '" + Inert.text(v) + "'");
        }
        given.add(v);
      }
    }
    for (Option o : syntax.options()) {
      if (o.required() && !values.containsKey(o.name())) {
        throw new UsageException("missing required option: " + o.synopsis());
      }
      if (o.defaultValue() != null && !values.containsKey(o.name())) {
        values.put(o.name(), o.list() ? List.of(o.defaultValue().split(",")) : List.of(o.defaultValue()));
      }
    }
    return new Arguments(values, argument);
  }
}
