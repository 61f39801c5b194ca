package dev.mwexp.format;

import java.lang.ref.SoftReference;

/**
 * A reader's last few texts and what it made of them. {@code check} reads site.pp and the zone
 * for its facts, then sync's plan edits the same files, each through its own path: with this,
 * today's 2,700-line site.pp is lexed once a run, not twice. A few, not one: between the two
 * readings of site.pp the same reader reads the profile class. Keyed by the very String, which one
 * workspace hands to both (it reads each file once): another run, even of the same bytes, reads
 * again, so a process that checks many times, or a benchmark's loop, pays for every run. Held
 * softly, so a long-lived embedding process keeps nothing it needs the memory for. What is kept
 * must be immutable.
 */
public final class LastParsed<T> {

  /** Parses a text; may refuse it. */
  @FunctionalInterface
  public interface Reader<T, E extends Exception> {
    T read(String text) throws E;
  }

  /** How many texts are kept: a run reads no more files of one format than this twice. */
  private static final int KEPT = 4;

  private record Entry<T>(String text, T parsed) {}

  // Newest first; replaced whole, so a reader on another thread sees one consistent array.
  private volatile SoftReference<Entry<T>>[] kept = entries(0);

  /** What {@code reader} makes of {@code text}, read again unless it is one of the very texts read last. */
  public <E extends Exception> T get(String text, Reader<T, E> reader) throws E {
    SoftReference<Entry<T>>[] now = kept;
    for (SoftReference<Entry<T>> ref : now) {
      Entry<T> e = ref.get();
      if (e != null && e.text() == text) {
        return e.parsed();
      }
    }
    T parsed = reader.read(text);
    SoftReference<Entry<T>>[] next = entries(Math.min(KEPT, now.length + 1));
    next[0] = new SoftReference<>(new Entry<>(text, parsed));
    System.arraycopy(now, 0, next, 1, next.length - 1);
    kept = next;
    return parsed;
  }

  @SuppressWarnings("unchecked")
  private static <T> SoftReference<Entry<T>>[] entries(int n) {
    return (SoftReference<Entry<T>>[]) new SoftReference<?>[n];
  }
}
