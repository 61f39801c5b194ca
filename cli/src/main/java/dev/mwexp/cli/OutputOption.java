package dev.mwexp.cli;

import dev.mwexp.cli.args.Arguments;
import dev.mwexp.cli.args.Option;

/** {@code --output text|json|sarif}: how validate, check and sync print what they found. */
final class OutputOption {

  static final Option OPTION = Option.value("--output", "text|json|sarif",
          "text (one line each), json (one document, the schema in the README), or sarif"
              + " (SARIF 2.1.0, for code-scanning annotations; validate and check).")
      .withDefault("text").choices("text", "json", "sarif");

  private final String format;

  private OutputOption(String format) {
    this.format = format;
  }

  static OutputOption of(Arguments args) {
    return new OutputOption(args.value(OPTION.name()).orElse("text"));
  }

  boolean json() {
    return format.equals("json");
  }

  boolean sarif() {
    return format.equals("sarif");
  }

  /** Text is printed to a sink when a document is: one document, built from the same values. */
  boolean document() {
    return !format.equals("text");
  }
}
