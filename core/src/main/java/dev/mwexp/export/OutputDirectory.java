package dev.mwexp.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes artifacts so that the output directory is either what it was or the complete new tree:
 * everything is written into a fresh sibling directory, which is then renamed into place. A
 * directory mwexp wrote carries a {@link #MANIFEST} listing its files; only such a directory (or
 * an empty one) is ever replaced, so unrelated files are never deleted.
 */
public final class OutputDirectory {

  /** Marks a directory as mwexp's and lists what it wrote. */
  public static final String MANIFEST = ".mwexp-manifest";

  private OutputDirectory() {}

  /** Replaces {@code dir} with exactly {@code artifacts} (plus the manifest). */
  public static void write(Path dir, Artifacts artifacts) throws OutputException {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (parent == null) {
      throw new OutputException(target, "cannot write to the file system root");
    }
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new OutputException(target, "it exists and is not a directory");
    }
    if (Files.isDirectory(target) && !isEmpty(target) && !Files.isRegularFile(target.resolve(MANIFEST))) {
      throw new OutputException(
          target,
          "it holds files mwexp did not write (no " + MANIFEST + "); choose an empty or new directory");
    }
    Path staging = null;
    try {
      Files.createDirectories(parent);
      staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".mwexp-new-");
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
        Files.write(path, file.getValue().getBytes(StandardCharsets.UTF_8));
      }
      Files.write(
          staging.resolve(MANIFEST),
          (String.join("\n", artifacts.files().keySet()) + "\n").getBytes(StandardCharsets.UTF_8));
      swap(staging, target);
      staging = null;
    } catch (IOException e) {
      throw new OutputException(target, e.toString());
    } finally {
      if (staging != null) {
        deleteQuietly(staging);
      }
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

  private static void swap(Path staging, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".mwexp-old-");
      Files.delete(old);
      move(target, old);
    }
    try {
      move(staging, target);
    } catch (IOException e) {
      if (old != null) {
        move(old, target);
      }
      throw e;
    }
    if (old != null) {
      deleteQuietly(old);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
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
    } catch (IOException ignored) {
      // Leftover temp directories are hidden siblings; a failed cleanup must not fail the compile.
    }
  }
}
