package dev.mwexp.repos;

import dev.mwexp.fragment.Repository;
import java.util.Optional;

/**
 * One file's change: its text before and after (empty when the file does not exist then).
 *
 * @param path relative to the repository's root
 */
public record Change(Repository repository, String path, Optional<String> before, Optional<String> after) {

  /** {@code repository/path}. */
  public String name() {
    return repository.directory() + "/" + path;
  }

  /**
   * This change as drift, the one finding value every printer takes: what a sync would change,
   * at the line its first hunk starts, with the diff and the command as its fix.
   */
  public dev.mwexp.diagnostic.Diagnostic diagnostic() {
    String diff = Plan.diff(this);
    int line = dev.mwexp.format.UnifiedDiff.firstHunkLine(diff);
    String what = before().isEmpty() ? "is missing" : after().isEmpty() ? "should not be there" : "differs from the spec";
    return dev.mwexp.diagnostic.Diagnostic.error("DRIFT", name(), what + "; mwexp sync would "
            + (before().isEmpty() ? "create" : after().isEmpty() ? "delete" : "change") + " it",
        java.util.List.of(new dev.mwexp.diagnostic.Diagnostic.Position(name(), line, 0))).withFix(diff);
  }
}
