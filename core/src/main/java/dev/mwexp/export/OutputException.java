package dev.mwexp.export;

import java.nio.file.Path;

/** The output directory could not be written; it is left as it was. */
public final class OutputException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Path directory;

  public OutputException(Path directory, String reason) {
    super("cannot write " + directory + ": " + reason, null, false, false);
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }
}
