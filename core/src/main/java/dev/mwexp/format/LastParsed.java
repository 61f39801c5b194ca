package dev.mwexp.format;

import java.lang.ref.SoftReference;

/**
 * A reader's last text and what it made of it. {@code check} reads site.pp and the zone for its
 * facts, then sync's plan edits the same files, each through its own path: with this, today's
 * 2,700-line site.pp is lexed once a run, not twice. Keyed by the very String, which one workspace
 * hands to both (it reads each file once): another run, even of the same bytes, reads again, so a
 * process that checks many times, or a benchmark's loop, pays for every run. Held softly, so a
 * long-lived embedding process keeps nothing it needs the memory for. What is kept must be immutable.
 */
public final class LastParsed<T> {

  /** Parses a text; may refuse it. */
  @FunctionalInterface
  public interface Reader<T, E extends Exception> {
    T read(String text) throws E;
  }

  private record Entry<T>(String text, T parsed) {}

  private volatile SoftReference<Entry<T>> last = new SoftReference<>(null);

  /** What {@code reader} makes of {@code text}, read again unless it is the very text read last. */
  public <E extends Exception> T get(String text, Reader<T, E> reader) throws E {
    Entry<T> e = last.get();
    if (e != null && e.text() == text) {
      return e.parsed();
    }
    T parsed = reader.read(text);
    last = new SoftReference<>(new Entry<>(text, parsed));
    return parsed;
  }
}
