package dev.mwexp.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory tree mwexp reads but did not write — a checkout, a pull request's files — read so that
 * nothing outside it leaks: a link is followed only while it stays inside the tree, only regular
 * files are opened (never a FIFO or device, which could block or never end), every read is bounded
 * by the bytes actually read, and text must be UTF-8. Every failure is a {@link TreeException}
 * naming the file relative to the tree, never the content of what a link points at.
 */
public final class SafeTree {

  /** Larger files are refused: the real files mwexp reads are well below a megabyte. */
  public static final long MAX_FILE_BYTES = 16L << 20;

  /** Directory levels a walk descends at the most. */
  public static final int MAX_DEPTH = 32;

  private final Path root;
  /** Where reads may go: each boundary as given and as the file system resolves it. */
  private final List<Path[]> bounds;
  /** Shared with the other trees of a workspace; null reads every time. */
  private final ReadCache cache;

  private SafeTree(Path root, List<Path[]> bounds, ReadCache cache) {
    this.root = root;
    this.bounds = bounds;
    this.cache = cache;
  }

  /** The tree rooted at {@code root}, which must be a readable directory. */
  public static SafeTree at(Path root) throws TreeException {
    return at(root, null);
  }

  /** The same, reading through {@code cache} (a workspace's), so each file is read once. */
  public static SafeTree at(Path root, ReadCache cache) throws TreeException {
    Path absolute = root.toAbsolutePath().normalize();
    List<Path[]> one = new ArrayList<>();
    one.add(bound(root));
    return new SafeTree(absolute, one, cache);
  }

  /**
   * Several trees read as one, named relative to {@code root} (their common parent), each its own
   * boundary: a path or link may lead anywhere inside one of them, never into the space between
   * them. Checkouts that share no parent but {@code /} are therefore never read as {@code /}.
   */
  public static SafeTree within(Path root, java.util.Collection<Path> boundaries) throws TreeException {
    return within(root, boundaries, null);
  }

  /** The same, reading through {@code cache} (a workspace's), so each file is read once. */
  public static SafeTree within(Path root, java.util.Collection<Path> boundaries, ReadCache cache)
      throws TreeException {
    List<Path[]> bounds = new ArrayList<>();
    for (Path b : boundaries) {
      bounds.add(bound(b));
    }
    return new SafeTree(root.toAbsolutePath().normalize(), List.copyOf(bounds), cache);
  }

  private static Path[] bound(Path dir) throws TreeException {
    Path absolute = dir.toAbsolutePath().normalize();
    try {
      Path real = absolute.toRealPath();
      if (!Files.isDirectory(real)) {
        throw new TreeException(dir.toString(), "is not a directory");
      }
      return new Path[] {absolute, real};
    } catch (IOException e) {
      throw new TreeException(dir.toString(), "cannot open: " + IoReason.of(e));
    }
  }

  /** The boundary {@code absolute} stands in, as given; null when none. */
  private Path[] boundOf(Path absolute) {
    Path[] best = null;
    for (Path[] b : bounds) {
      if (absolute.startsWith(b[0]) && (best == null || b[0].getNameCount() > best[0].getNameCount())) {
        best = b;
      }
    }
    return best;
  }

  public Path root() {
    return root;
  }

  /** {@code path} relative to the root, as messages name it. */
  public String name(Path path) {
    Path p = path.toAbsolutePath().normalize();
    return p.startsWith(root) ? root.relativize(p).toString() : p.toString();
  }

  /** Whether {@code path} is a regular file inside the tree, links followed only inside it. */
  public boolean isFile(Path path) {
    return inside(path).map(real -> Files.isRegularFile(real)).orElse(false);
  }

  /** Whether {@code path} is a directory inside the tree, links followed only inside it. */
  public boolean isDirectory(Path path) {
    return inside(path).map(real -> Files.isDirectory(real)).orElse(false);
  }

  /** Whether anything, even a dangling or outbound link, stands at {@code path}. */
  public boolean exists(Path path) {
    return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
  }

  private java.util.Optional<Path> inside(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path[] bound = boundOf(absolute);
    if (bound == null) {
      return java.util.Optional.empty();
    }
    try {
      Path real = absolute.toRealPath();
      return real.startsWith(bound[1]) ? java.util.Optional.of(real) : java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  /** The entries of a directory, sorted; links are listed, whatever they point at. */
  public List<Path> list(Path dir) throws TreeException {
    Path real = realInside(dir, "list");
    try (Stream<Path> entries = Files.list(real)) {
      List<Path> out = new ArrayList<>();
      // Entries are named under the path as given, so messages keep the tree's own names.
      entries.map(e -> dir.resolve(e.getFileName().toString())).sorted().forEach(out::add);
      return out;
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new TreeException(name(dir), "cannot list: " + IoReason.of(e instanceof java.io.UncheckedIOException u ? u.getCause() : e));
    }
  }

  /**
   * Every file below {@code dir} (regular files and links, sorted), descending into directories
   * inside the tree and at most {@link #MAX_DEPTH} levels deep. A link to a directory is listed as a
   * file, not followed, so a link loop cannot trap the walk.
   */
  public List<Path> files(Path dir) throws TreeException {
    List<Path> out = new ArrayList<>();
    collect(dir, 0, out);
    return out;
  }

  private void collect(Path dir, int depth, List<Path> out) throws TreeException {
    if (depth > MAX_DEPTH) {
      throw new TreeException(name(dir), "is nested more than " + MAX_DEPTH + " directories deep");
    }
    for (Path entry : list(dir)) {
      if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        collect(entry, depth + 1, out);
      } else {
        out.add(entry);
      }
    }
  }

  /** The UTF-8 text of a regular file inside the tree. */
  public String read(Path file) throws TreeException {
    String name = name(file);
    // The boundary is checked on every read, cached or not: each tree has its own.
    Path real = realInside(file, "read");
    if (cache == null) {
      return decode(name, readBytes(real, name, MAX_FILE_BYTES));
    }
    return cache.text(real, () -> decode(name, readBytes(real, name, MAX_FILE_BYTES)));
  }

  /** Makes a document of a file's text; a workspace keeps what each parser made of each file. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(String name, String text) throws TreeException;
  }

  /** What {@code parser} makes of the file, parsed once per workspace (every time without one). */
  public <T> T parse(Path file, Parser<T> parser) throws TreeException {
    String text = read(file);
    String name = name(file);
    if (cache == null) {
      return parser.parse(name, text);
    }
    return cache.parsed(realInside(file, "read"), name, parser, text);
  }

  private Path realInside(Path path, String operation) throws TreeException {
    Path absolute = path.toAbsolutePath().normalize();
    Path[] bound = boundOf(absolute);
    if (bound == null) {
      throw new TreeException(path.toString(), "is outside the tree " + root + "; mwexp does not " + operation + " it");
    }
    Path real;
    try {
      real = absolute.toRealPath();
    } catch (IOException e) {
      throw new TreeException(name(path), "cannot " + operation + ": " + IoReason.of(e));
    }
    if (!real.startsWith(bound[1])) {
      throw new TreeException(name(path), "is a symbolic link that leads out of the tree; mwexp does not follow it");
    }
    return real;
  }

  /**
   * At most {@code max} bytes of a regular file, counted as they are read (a file's reported size
   * can lie: /proc files, devices). Anything else — a directory, FIFO, socket or device — is refused
   * before it is opened, so a read can neither block nor run forever.
   */
  public static byte[] readBytes(Path file, String name, long max) throws TreeException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new TreeException(name, "cannot read: " + IoReason.of(e));
    }
    if (attributes.isDirectory()) {
      throw new TreeException(name, "cannot read: is a directory");
    }
    if (!attributes.isRegularFile()) {
      throw new TreeException(name, "is not a regular file (a device, FIFO or socket); mwexp reads only regular files");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return bounded(in, name, max);
    } catch (IOException e) {
      throw new TreeException(name, "cannot read: " + IoReason.of(e));
    }
  }

  /** At most {@code max} bytes of a stream; more is refused, whatever the stream claims. */
  public static byte[] bounded(InputStream in, String name, long max) throws IOException, TreeException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (bytes.length > max) {
      throw new TreeException(name, "is larger than " + max + " bytes, more than mwexp reads");
    }
    return bytes;
  }

  /** Strict UTF-8 (a leading byte order mark is dropped); a bad byte is named by line and column. */
  public static String decode(String name, byte[] bytes) throws TreeException {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return decoder.decode(buffer).toString();
    } catch (MalformedInputException e) {
      int offset = buffer.position();
      int line = 1;
      int lineStart = start;
      for (int i = start; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      // Column in characters, as editors count: the valid UTF-8 before the bad byte on its line.
      int column = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).length() + 1;
      throw new TreeException(name, line, column,
          String.format("is not UTF-8: byte 0x%02x cannot start or continue a character", bytes[offset] & 0xff));
    } catch (CharacterCodingException e) {
      throw new TreeException(name, "is not UTF-8");
    }
  }
}
