package dev.mwexp.fragment;

import dev.mwexp.files.Inert;

/**
 * A file whose mw-experimental part mwexp cannot merge into: it does not parse, the place the part
 * belongs is missing, or it was edited by hand into a shape mwexp cannot rewrite without touching
 * someone else's bytes. Names the line (1-based, 0 when the whole file) and what would be mergeable.
 */
public final class MergeConflict extends Exception {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final String reason;

  public MergeConflict(int line, String reason) {
    super((line > 0 ? "line " + line + ": " : "") + Inert.text(reason), null, false, false);
    this.line = line;
    this.reason = reason;
  }

  public int line() {
    return line;
  }

  public String reason() {
    return reason;
  }
}
