package dev.mwexp.cli;

/** Process exit codes of {@code mwexp}. */
final class ExitCodes {
  static final int OK = 0;
  static final int PROBLEMS = 1;
  static final int USAGE = 2;
  static final int OUTPUT = 3;
  /** sync changed files, or sync or compile would with --dry-run: the target was not up to date. */
  static final int CHANGED = 4;
  static final int INTERNAL = 70;
  /** Another mwexp command keeps a checkout's lock longer than this one waits (sysexits' EX_TEMPFAIL). */
  static final int BUSY = 75;

  private ExitCodes() {}
}
