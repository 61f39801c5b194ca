package dev.mwexp.cli;

import picocli.CommandLine.Option;

/** {@code --output text|json|sarif}: how validate, check and sync print what they found. */
final class OutputOption {

  enum Format { text, json, sarif }

  @Option(names = "--output", paramLabel = "text|json|sarif", defaultValue = "text",
      description = "text (one line each), json (one document, the schema in the README), or sarif"
          + " (SARIF 2.1.0, for code-scanning annotations; validate and check).")
  Format format;

  boolean json() {
    return format == Format.json;
  }

  boolean sarif() {
    return format == Format.sarif;
  }

  /** Text is printed to a sink when a document is: one document, built from the same values. */
  boolean document() {
    return format != Format.text;
  }
}
