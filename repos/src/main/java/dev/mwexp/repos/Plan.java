package dev.mwexp.repos;

import dev.mwexp.files.IoReason;
import dev.mwexp.files.SafeTree;
import dev.mwexp.fragment.Repository;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sync would change, file by file: shown as unified diffs in the git shape (paths relative
 * to each repository), or written, each file replaced atomically.
 */
public final class Plan {

  private final Checkouts checkouts;
  private final List<Change> changes;

  Plan(Checkouts checkouts, List<Change> changes) {
    this.checkouts = checkouts;
    List<Change> sorted = new ArrayList<>(changes);
    sorted.sort(java.util.Comparator.comparing(Change::repository).thenComparing(Change::path));
    this.changes = List.copyOf(sorted);
  }

  public List<Change> changes() {
    return changes;
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** Unified diffs, three lines of context, one block per file, grouped by repository. */
  public String diff() {
    StringBuilder out = new StringBuilder();
    Repository current = null;
    for (Change c : changes) {
      if (c.repository() != current) {
        current = c.repository();
        out.append("# ").append(current.project()).append('\n');
      }
      out.append(diff(c));
    }
    return out.toString();
  }

  /** One file's diff: {@code diff --git a/P b/P}, {@code ---}/{@code +++} and hunks. */
  public static String diff(Change c) {
    return dev.mwexp.format.UnifiedDiff.of(c.path(), c.before(), c.after());
  }

  /**
   * Writes every change, all or nothing across the checkouts (a {@link Transaction}): staged
   * beside the targets, committed through a journal, each file with its old owner, group and mode.
   * A link is replaced or removed itself, never its target. Returns the files written.
   */
  public List<String> write() throws CheckoutException {
    java.util.Map<dev.mwexp.fragment.Repository, Path> roots = new java.util.TreeMap<>();
    for (dev.mwexp.fragment.Repository r : checkouts.repositories()) {
      roots.put(r, checkouts.tree(r).orElseThrow().root());
    }
    return Transaction.write(this, roots);
  }
}
