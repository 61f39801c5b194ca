package dev.mwexp.files;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one command has read of its checkouts: each file's text by its real path, read from disk
 * once, and what each parser made of it. Shared by the {@link SafeTree}s of one workspace, so that
 * check's facts and its drift, or import's two readers, see the same bytes, read once. A cache
 * lives as long as the command: nothing here notices a file changing under it.
 */
public final class ReadCache {

  private final Map<Path, String> texts = new HashMap<>();
  private final Map<List<Object>, Object> parsed = new HashMap<>();
  private int diskReads;
  private int hits;

  /** A file's text, read by {@code read} the first time only. */
  synchronized String text(Path real, TreeReader read) throws TreeException {
    String text = texts.get(real);
    if (text != null) {
      hits++;
    } else {
      text = read.read();
      diskReads++;
      texts.put(real, text);
    }
    return text;
  }

  @SuppressWarnings("unchecked")
  synchronized <T> T parsed(Path real, String name, SafeTree.Parser<T> parser, String text) throws TreeException {
    // The name is part of the key: a parse may carry it (in positions, in messages).
    List<Object> key = List.of(real, name, parser);
    Object value = parsed.get(key);
    if (value == null) {
      value = parser.parse(name, text);
      parsed.put(key, value);
    }
    return (T) value;
  }

  /** How many times a file was read from disk. */
  public synchronized int diskReads() {
    return diskReads;
  }

  /** How many reads the cache answered. */
  public synchronized int hits() {
    return hits;
  }

  /** The real paths of the files read. */
  public synchronized Set<Path> files() {
    return new TreeSet<>(texts.keySet());
  }

  interface TreeReader {
    String read() throws TreeException;
  }
}
