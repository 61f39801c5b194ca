package dev.mwexp.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Writes artifacts so that the output directory is either what it was or the complete new tree:
 * everything is written into a fresh hidden sibling, which is then renamed into place.
 * A directory mwexp wrote carries a {@link #MANIFEST} listing its files; only such a directory (or
 * an empty one) is ever replaced, so unrelated files are never deleted.
 *
 * <p>Writers of one directory take turns through a lock file beside it, so concurrent compiles
 * never mix. The swap is two renames (old tree aside, new tree in); a process killed between them
 * leaves the old tree aside as {@code .NAME.mwexp-old-*}, and the next write (or {@link #recover})
 * puts it back before doing anything else.
 */
public final class OutputDirectory {

  /** Marks a directory as mwexp's and lists what it wrote. */
  public static final String MANIFEST = ".mwexp-manifest";

  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private OutputDirectory() {}

  /** Replaces {@code dir} with exactly {@code artifacts} (plus the manifest). */
  public static void write(Path dir, Artifacts artifacts) throws OutputException {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (parent == null || target.getFileName() == null) {
      throw new OutputException(target, "cannot write to the file system root");
    }
    try {
      Files.createDirectories(parent);
      locked(target, () -> {
        recoverLocked(target);
        replace(target, artifacts);
        return null;
      });
    } catch (IOException | RuntimeException e) {
      // RuntimeException: file system providers signal read-only stores and the like unchecked.
      throw new OutputException(target, e instanceof IOException ? e.toString() : e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  /** Puts back a tree a killed write left aside and removes its unfinished staging trees. */
  public static void recover(Path dir) throws OutputException {
    Path target = dir.toAbsolutePath().normalize();
    try {
      if (Files.isDirectory(target.getParent())) {
        locked(target, () -> {
          recoverLocked(target);
          return null;
        });
      }
    } catch (IOException | RuntimeException e) {
      throw new OutputException(target, e.toString());
    }
  }

  /** The files an earlier compile wrote into {@code dir}, per its manifest; empty if none. */
  public static List<String> manifest(Path dir) {
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      return List.of();
    }
    try {
      return Files.readAllLines(manifest, StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Locked<T> {
    T run() throws IOException, OutputException;
  }

  private static <T> T locked(Path target, Locked<T> body) throws IOException {
    ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(target, t -> new ReentrantLock());
    inProcess.lock();
    Path lockFile = sibling(target, "lock");
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      return body.run();
    } catch (OutputException e) {
      throw new IOException(e.getMessage(), e);
    } finally {
      inProcess.unlock();
    }
  }

  private static void replace(Path target, Artifacts artifacts) throws IOException, OutputException {
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new OutputException(target, "it exists and is not a directory");
    }
    if (Files.isDirectory(target) && !isEmpty(target) && !Files.isRegularFile(target.resolve(MANIFEST))) {
      throw new OutputException(
          target, "it holds files mwexp did not write (no " + MANIFEST + "); choose an empty or new directory");
    }
    Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".mwexp-new-");
    try {
      // Temp directories are private (0700); the output is for the deployers to read.
      if (Files.getFileStore(staging).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      for (Map.Entry<String, String> file : artifacts.files().entrySet()) {
        Path path = staging.resolve(file.getKey()).normalize();
        if (!path.startsWith(staging)) {
          throw new OutputException(target, "artifact path escapes the directory: " + file.getKey());
        }
        Files.createDirectories(path.getParent());
        writeNew(path, file.getValue());
      }
      writeNew(staging.resolve(MANIFEST), String.join("\n", artifacts.files().keySet()) + "\n");
      swap(staging, target);
      staging = null;
    } finally {
      if (staging != null) {
        deleteQuietly(staging);
      }
    }
  }

  /**
   * Written, not forced to disk: a killed process cannot lose what it wrote (the page cache
   * keeps it), and a write is all or nothing through the rename. Forcing every file cost ~15 ms
   * each here (5 s for 10,000 hosts) to guard only against the machine itself crashing, which a
   * rerun of the compile repairs.
   */
  private static void writeNew(Path path, String content) throws IOException {
    Files.write(path, content.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  private static void swap(Path staging, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = sibling(target, "old-" + Long.toHexString(System.nanoTime()));
      move(target, old);
    }
    try {
      move(staging, target);
    } catch (IOException | RuntimeException e) {
      if (old != null) {
        move(old, target);
      }
      throw e;
    }
    if (old != null) {
      deleteQuietly(old);
    }
  }

  private static void recoverLocked(Path target) throws IOException {
    Path parent = target.getParent();
    String prefix = "." + target.getFileName() + ".mwexp-";
    try (Stream<Path> siblings = Files.list(parent)) {
      for (Path sibling : siblings.sorted().toList()) {
        String name = sibling.getFileName().toString();
        if (!name.startsWith(prefix) || !Files.isDirectory(sibling)) {
          continue;
        }
        if (name.startsWith(prefix + "old-") && !Files.exists(target)) {
          move(sibling, target);
        } else if (name.startsWith(prefix + "new-") || name.startsWith(prefix + "old-")) {
          deleteQuietly(sibling);
        }
      }
    }
  }

  private static Path sibling(Path target, String suffix) {
    return target.resolveSibling("." + target.getFileName() + ".mwexp-" + suffix);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              try {
                Files.delete(d);
              } catch (DirectoryNotEmptyException ignored) {
                // Someone wrote into our private directory; leave it rather than fail the write.
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException | RuntimeException ignored) {
      // Leftover temp directories are hidden siblings; a failed cleanup must not fail the compile.
    }
  }
}
