package dev.mwexp.export;

import dev.mwexp.files.Inert;
import java.nio.file.Path;
import java.util.List;

/** The output directory could not be written; it is left as it was. */
public final class OutputException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Path directory;
  private final List<String> offending;

  public OutputException(Path directory, String reason) {
    this(directory, reason, List.of());
  }

  /** A refusal naming the files that caused it: foreign, hand-changed or unreadable ones. */
  public OutputException(Path directory, String reason, List<String> offending) {
    super("cannot write " + Inert.text(directory.toString()) + ": " + Inert.text(reason), null, false, false);
    this.directory = directory;
    this.offending = List.copyOf(offending);
  }

  /** The files that stopped the write, each with why; empty when no file did. */
  public List<String> offending() {
    return offending;
  }

  public Path directory() {
    return directory;
  }
}
