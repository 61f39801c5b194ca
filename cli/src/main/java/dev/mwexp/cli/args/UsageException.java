package dev.mwexp.cli.args;

/** The command line is wrong: the message says what, and what would be right. Exit code 2. */
public final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message, null, false, false);
  }
}
