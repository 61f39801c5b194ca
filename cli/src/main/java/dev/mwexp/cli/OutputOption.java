package dev.mwexp.cli;

import picocli.CommandLine.Option;

/** {@code --output text|json}: how validate, check and sync print what they found. */
final class OutputOption {

  enum Format { text, json }

  @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
      description = "text (one line each), or json (one document, the schema in the README).")
  Format format;

  boolean json() {
    return format == Format.json;
  }
}
