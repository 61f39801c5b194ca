package dev.mwexp.repos;

import dev.mwexp.files.IoReason;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * One sync (or recovery) at a time per checkout: a lock file each, taken in one order so two
 * commands never wait on each other, opened without following links (as compile's is). The lock
 * lives in the checkout's {@code .git/}, so {@code git status} never shows it; a checkout without
 * one gets its lock in the system's temporary directory, named by the checkout's real path, so
 * nothing is left in or beside it.
 */
public final class CheckoutLocks implements AutoCloseable {

  /** How long a command waits for another's lock before it gives up, in milliseconds. */
  static final long WAIT_MILLIS = Long.getLong("mwexp.lockWaitMillis", 120_000L);

  private final List<FileChannel> channels = new ArrayList<>();
  private final List<FileLock> locks = new ArrayList<>();

  private CheckoutLocks() {}

  /**
   * mwexp's own file {@code name} for a checkout: in its {@code .git/}, else beside it (a sync's
   * journal, there only while a sync runs or until the next command finishes a killed one).
   */
  static Path own(Path root, String name) {
    Path git = root.resolve(".git");
    return Files.isDirectory(git, LinkOption.NOFOLLOW_LINKS) ? git.resolve("mwexp-" + name)
        : root.resolveSibling("." + root.getFileName() + ".mwexp-" + name);
  }

  /**
   * The locks of every checkout, waiting up to {@link #WAIT_MILLIS} for each.
   *
   * @throws CheckoutBusyException when another command keeps one longer
   */
  public static CheckoutLocks take(Collection<Path> roots) throws CheckoutException, CheckoutBusyException {
    CheckoutLocks taken = new CheckoutLocks();
    TreeSet<Path> ordered = new TreeSet<>();
    roots.forEach(r -> ordered.add(r.toAbsolutePath().normalize()));
    try {
      for (Path root : ordered) {
        // A checkout that is no directory is refused by Checkouts, with its own message.
        if (Files.isDirectory(root)) {
          taken.lock(root);
        }
      }
      return taken;
    } catch (CheckoutException | CheckoutBusyException | RuntimeException e) {
      taken.close();
      throw e;
    }
  }

  /** The lock file of a checkout. */
  static Path lockFile(Path root) throws IOException {
    if (Files.isDirectory(root.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
      return own(root, "sync.lock");
    }
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "mwexp-sync-locks");
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(dir);
      // Shared by every user who syncs the same checkout, like /tmp itself.
      Files.setAttribute(dir, "unix:mode", 01777);
    }
    byte[] digest;
    try {
      digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(root.toRealPath().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    return dir.resolve(java.util.HexFormat.of().formatHex(digest, 0, 16) + ".lock");
  }

  private void lock(Path root) throws CheckoutException, CheckoutBusyException {
    Path file;
    try {
      file = lockFile(root);
    } catch (IOException e) {
      throw new CheckoutException(List.of(root + ": cannot make its lock: " + IoReason.of(e)));
    }
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new CheckoutException(List.of(file + ": is not a regular file (a symbolic link?); mwexp will not open it"
          + " as its lock; remove it"));
    }
    try {
      boolean made = !Files.exists(file, LinkOption.NOFOLLOW_LINKS);
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
      if (made && !file.startsWith(root)) {
        // In the shared directory: whoever syncs the checkout next must open it for writing too.
        try {
          Files.setAttribute(file, "unix:mode", 0666, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException ignored) {
          // Only its owner may; an owner's umask-made mode then decides.
        }
      }
      channels.add(channel);
      long deadline = System.currentTimeMillis() + WAIT_MILLIS;
      while (true) {
        FileLock lock = channel.tryLock();
        if (lock != null) {
          locks.add(lock);
          return;
        }
        if (System.currentTimeMillis() >= deadline) {
          throw new CheckoutBusyException(root + ": another mwexp sync holds " + file + "; try again when it is done");
        }
        Thread.sleep(50);
      }
    } catch (IOException e) {
      throw new CheckoutException(List.of(file + ": cannot lock: " + IoReason.of(e)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CheckoutBusyException(root + ": interrupted while waiting for " + file);
    }
  }

  @Override
  public void close() {
    for (FileLock l : locks) {
      try {
        l.release();
      } catch (IOException ignored) {
        // Closing the channel releases it too.
      }
    }
    for (FileChannel c : channels) {
      try {
        c.close();
      } catch (IOException ignored) {
        // Nothing left to release.
      }
    }
  }
}
