package dev.mwexp.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import dev.mwexp.files.IoReason;
import dev.mwexp.files.SafeTree;
import dev.mwexp.files.TreeException;
import dev.mwexp.format.UnifiedDiff;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Writes artifacts so that the output directory is either what it was or the complete new tree:
 * everything is written into a fresh hidden sibling, which is then renamed into place.
 * A directory mwexp wrote carries a {@link #MANIFEST} listing its files with their SHA-256; only
 * a directory holding exactly those files, unchanged (or an empty or missing one), is ever replaced.
 * Anything else — a file someone added or edited, a {@code .git/}, a link — stops the write
 * before anything is touched, so nobody's work is ever deleted.
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
    } catch (IOException e) {
      if (e.getCause() instanceof OutputException refused) {
        throw refused;
      }
      throw new OutputException(target, describe(e));
    } catch (RuntimeException e) {
      // File system providers signal read-only stores and the like unchecked.
      throw new OutputException(target, IoReason.of(e));
    }
  }

  /**
   * What {@link #write} would change in {@code dir}, as unified diffs (one per file added, changed
   * or removed, in path order), touching nothing; empty when {@code dir} already holds exactly
   * {@code artifacts}. Refuses, as the write would, a directory holding files mwexp did not write.
   */
  public static String plan(Path dir, Artifacts artifacts) throws OutputException {
    Path target = dir.toAbsolutePath().normalize();
    try {
      Map<String, String> before = new TreeMap<>();
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
          throw new OutputException(target, "it exists and is not a directory");
        }
        if (!isEmpty(target)) {
          refuseForeign(target);
          // Every file is now one the manifest lists, unchanged, and none is a link.
          for (String listed : readManifest(target).keySet()) {
            Path file = target.resolve(listed);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
              before.put(listed, SafeTree.decode(listed, SafeTree.readBytes(file, listed, SafeTree.MAX_FILE_BYTES)));
            }
          }
        }
      }
      java.util.SortedSet<String> paths = new java.util.TreeSet<>(before.keySet());
      paths.addAll(artifacts.files().keySet());
      StringBuilder out = new StringBuilder();
      for (String path : paths) {
        out.append(UnifiedDiff.of(path, java.util.Optional.ofNullable(before.get(path)),
            java.util.Optional.ofNullable(artifacts.files().get(path))));
      }
      return out.toString();
    } catch (TreeException e) {
      throw new OutputException(target, e.getMessage());
    } catch (IOException | RuntimeException e) {
      throw new OutputException(target, describe(e));
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
      throw new OutputException(target, describe(e));
    }
  }

  /** The file an I/O failure concerns, when it names one, and the OS reason. */
  private static String describe(Exception e) {
    if (e instanceof FileSystemException fse && fse.getFile() != null) {
      return fse.getFile() + ": " + IoReason.of(e);
    }
    return IoReason.of(e);
  }

  /** The files an earlier compile wrote into {@code dir}, per its manifest; empty if none. */
  public static List<String> manifest(Path dir) {
    try {
      return List.copyOf(readManifest(dir).keySet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Path to SHA-256 (hex) of every file the manifest lists; a line is {@code <sha256>  <path>}. */
  private static Map<String, String> readManifest(Path dir) throws IOException {
    Path manifest = dir.resolve(MANIFEST);
    Map<String, String> files = new TreeMap<>();
    if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      return files;
    }
    for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      if (line.isEmpty()) {
        continue;
      }
      int gap = line.indexOf("  ");
      boolean hashed = gap == 64 && line.substring(0, 64).chars().allMatch(c -> Character.digit(c, 16) >= 0);
      // A line without a hash (an older mwexp) cannot prove the file unchanged: it never matches.
      files.put(hashed ? line.substring(gap + 2) : line, hashed ? line.substring(0, 64) : "");
    }
    return files;
  }

  private interface Locked<T> {
    T run() throws IOException, OutputException;
  }

  private static <T> T locked(Path target, Locked<T> body) throws IOException {
    ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(target, t -> new ReentrantLock());
    inProcess.lock();
    Path lockFile = sibling(target, "lock");
    try {
      // A link or FIFO planted at the lock's path must not make us create or block on anything else.
      if (Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
        throw new OutputException(target, lockFile + " is not a regular file (a symbolic link?);"
            + " mwexp will not open it as its lock; remove it");
      }
      try (FileChannel channel = FileChannel.open(
              lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
          FileLock lock = channel.lock()) {
        return body.run();
      }
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
    if (Files.isDirectory(target)) {
      refuseReadOnly(target);
      if (!isEmpty(target)) {
        refuseForeign(target);
      }
    }
    Path staging = newStaging(target);
    try {
      // Whatever the umask made it, the output is for the deployers to read.
      if (Files.getFileStore(staging).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      // Each directory made once: createDirectories on one that exists costs a failed mkdir and
      // an exception, for every file in it.
      Set<Path> made = new HashSet<>();
      for (Map.Entry<String, String> file : artifacts.files().entrySet()) {
        Path path = staging.resolve(file.getKey()).normalize();
        if (!path.startsWith(staging)) {
          throw new OutputException(target, "artifact path escapes the directory: " + file.getKey());
        }
        if (made.add(path.getParent())) {
          Files.createDirectories(path.getParent());
        }
        writeNew(path, file.getValue());
      }
      StringBuilder manifest = new StringBuilder();
      artifacts.files().forEach((path, content) -> manifest.append(sha256(content.getBytes(StandardCharsets.UTF_8)))
          .append("  ").append(path).append('\n'));
      writeNew(staging.resolve(MANIFEST), manifest.toString());
      swap(staging, target);
      staging = null;
    } finally {
      if (staging != null) {
        deleteQuietly(staging);
      }
    }
  }

  /**
   * A new, empty directory beside {@code target}. Not {@code Files.createTempDirectory}, whose
   * SecureRandom starts the JDK's security providers on a cold run (issue 17): writers of
   * {@code target} take turns through its lock, and createDirectory fails rather than reuse a
   * name, so a time-based name is enough.
   */
  private static Path newStaging(Path target) throws IOException {
    String prefix = "." + target.getFileName() + ".mwexp-new-" + Long.toHexString(System.nanoTime()) + "-";
    for (int i = 0; ; i++) {
      try {
        return Files.createDirectory(target.resolveSibling(prefix + i));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (i == 100) {
          throw e;
        }
      }
    }
  }

  /** A directory its owner made read-only is not ours to replace. */
  private static void refuseReadOnly(Path target) throws IOException, OutputException {
    if (Files.getFileStore(target).supportsFileAttributeView("posix")
        && !Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS).contains(PosixFilePermission.OWNER_WRITE)) {
      throw new OutputException(target, "it is read-only; make it writable (chmod u+w) or choose another directory");
    }
  }

  /**
   * How {@code dir} differs from what mwexp last wrote there: files added or changed since, and
   * listed files that are gone. Empty when the directory is exactly mwexp's output.
   */
  public static List<String> deviations(Path dir) throws IOException {
    List<String> out = new ArrayList<>(offending(dir.toAbsolutePath().normalize()));
    for (String listed : readManifest(dir).keySet()) {
      if (!Files.isRegularFile(dir.resolve(listed), LinkOption.NOFOLLOW_LINKS)) {
        out.add(listed + " (deleted since mwexp wrote it)");
      }
    }
    return out;
  }

  /**
   * Refuses unless every entry of {@code target} is a file the manifest lists, with the hash it
   * recorded, or a directory on the way to one. Listed files that are gone lose nobody's work.
   */
  private static void refuseForeign(Path target) throws IOException, OutputException {
    List<String> offending = offending(target);
    if (!offending.isEmpty()) {
      throw new OutputException(target, "it holds files mwexp did not write or that changed since it wrote them;"
          + " nothing was touched; move them away or choose another directory", offending);
    }
  }

  private static List<String> offending(Path target) throws IOException {
    Map<String, String> listed = readManifest(target);
    Set<String> parents = new HashSet<>();
    listed.keySet().forEach(path -> {
      for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
        parents.add(path.substring(0, slash));
      }
    });
    List<String> offending = new ArrayList<>();
    if (listed.isEmpty()) {
      offending.add(MANIFEST + " (missing: mwexp did not write this directory)");
    }
    Files.walkFileTree(target, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        String rel = target.relativize(dir).toString().replace('\\', '/');
        if (rel.isEmpty() || parents.contains(rel)) {
          return FileVisitResult.CONTINUE;
        }
        offending.add(rel + "/ (not written by mwexp)");
        return FileVisitResult.SKIP_SUBTREE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        // The directory itself (a link to one, say) is named ".", never by an empty name.
        String rel = file.equals(target) ? "." : target.relativize(file).toString().replace('\\', '/');
        if (rel.equals(MANIFEST)) {
          return FileVisitResult.CONTINUE;
        }
        String hash = listed.get(rel);
        if (hash == null || !attrs.isRegularFile()) {
          offending.add(rel + (attrs.isSymbolicLink() ? " (a symbolic link, not written by mwexp)" : " (not written by mwexp)"));
        } else if (!hash.equals(sha256(Files.readAllBytes(file)))) {
          offending.add(rel + " (changed since mwexp wrote it)");
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        offending.add((file.equals(target) ? "." : target.relativize(file).toString()) + " (unreadable: " + IoReason.of(e) + ")");
        return FileVisitResult.CONTINUE;
      }
    });
    return offending;
  }

  static String sha256(byte[] bytes) {
    return Sha256.hex(bytes);
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
