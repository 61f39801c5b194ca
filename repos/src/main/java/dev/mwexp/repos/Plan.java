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
   * Writes every change: a temp file beside the target, forced to disk, given the old file's mode,
   * renamed over it. A link inside the repository is kept and its target written. A file deleted
   * is only ever one the plan emptied. Returns the files written; on an I/O failure, says which
   * were already written.
   */
  public List<String> write() throws CheckoutException {
    List<String> written = new ArrayList<>();
    for (Change c : changes) {
      SafeTree tree = checkouts.tree(c.repository()).orElseThrow();
      Path file = tree.root().resolve(c.path());
      try {
        if (Files.isSymbolicLink(file)) {
          file = file.toRealPath();
        }
        if (c.after().isEmpty()) {
          Files.deleteIfExists(file);
        } else {
          writeAtomically(file, c.after().get());
        }
        written.add(c.name());
      } catch (IOException e) {
        List<String> problems = new ArrayList<>();
        problems.add(c.name() + ": cannot write: " + IoReason.of(e));
        if (!written.isEmpty()) {
          problems.add("already written: " + String.join(", ", written));
        }
        throw new CheckoutException(problems);
      }
    }
    return written;
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".mwexp-", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        channel.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
      Files.setPosixFilePermissions(temp, Files.exists(file, LinkOption.NOFOLLOW_LINKS)
          ? Files.getPosixFilePermissions(file) : PosixFilePermissions.fromString("rw-r--r--"));
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    }
  }
}
