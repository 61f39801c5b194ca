package dev.mwexp.files;

/**
 * A file of a tree that mwexp will not or cannot read: outside the tree through a link, not a
 * regular file, too large, not UTF-8, or refused by the OS. Names the file relative to its tree,
 * with line and column where they are known (0 otherwise).
 */
public final class TreeException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String reason;

  public TreeException(String file, int line, int column, String reason) {
    super(format(file, line, column, reason), null, false, false);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  public TreeException(String file, String reason) {
    this(file, 0, 0, reason);
  }

  /** The file, relative to the tree's root. */
  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** What is wrong, without the file name. */
  public String reason() {
    return reason;
  }

  private static String format(String file, int line, int column, String reason) {
    return Inert.text(file) + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + Inert.text(reason);
  }
}
