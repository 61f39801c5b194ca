package dev.mwexp.export;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Files produced by exporters: relative path to UTF-8 text, sorted by path. Paths are checked on
 * the way in, so no artifact can name a file outside the output directory.
 */
public final class Artifacts {

  private final SortedMap<String, String> files;

  private Artifacts(SortedMap<String, String> files) {
    this.files = Collections.unmodifiableSortedMap(files);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Path to content, sorted by path. */
  public SortedMap<String, String> files() {
    return files;
  }

  public String get(String path) {
    String content = files.get(path);
    if (content == null) {
      throw new IllegalArgumentException("no artifact " + path + "; have " + files.keySet());
    }
    return content;
  }

  public byte[] bytes(String path) {
    return get(path).getBytes(StandardCharsets.UTF_8);
  }

  /** These artifacts and those of {@code other}; a path both produce is a programming error. */
  public Artifacts merge(Artifacts other) {
    return builder().addAll(this).addAll(other).build();
  }

  /** True when {@code path} is relative, normalized and portable: see {@link dev.mwexp.files.SafePaths}. */
  public static boolean isSafePath(String path) {
    return dev.mwexp.files.SafePaths.isSafe(path);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Artifacts a && a.files.equals(files);
  }

  @Override
  public int hashCode() {
    return files.hashCode();
  }

  @Override
  public String toString() {
    return "Artifacts" + files.keySet();
  }

  /** Collects files; refuses unsafe paths as they come and duplicate paths when built. */
  public static final class Builder {
    // A list sorted once when built, not a TreeMap kept sorted on every add: exporters add their
    // files in order and merges append sorted runs, which the list sort takes in linear time.
    private final List<Map.Entry<String, String>> entries = new ArrayList<>();

    private Builder() {}

    public Builder add(String path, String content) {
      if (!isSafePath(path)) {
        throw new IllegalArgumentException("unsafe artifact path: " + path);
      }
      entries.add(Map.entry(path, Objects.requireNonNull(content, path)));
      return this;
    }

    public Builder addAll(Map<String, String> more) {
      more.forEach(this::add);
      return this;
    }

    /** Adds artifacts whose paths were checked when they were built. */
    public Builder addAll(Artifacts more) {
      entries.addAll(more.files.entrySet());
      return this;
    }

    public Artifacts build() {
      List<Map.Entry<String, String>> sorted = new ArrayList<>(entries);
      sorted.sort(Map.Entry.comparingByKey());
      for (int i = 1; i < sorted.size(); i++) {
        if (sorted.get(i).getKey().equals(sorted.get(i - 1).getKey())) {
          throw new IllegalArgumentException("two artifacts at " + sorted.get(i).getKey());
        }
      }
      return new Artifacts(new TreeMap<>(new SortedEntries(sorted)));
    }
  }

  /**
   * Entries already sorted by path, seen as a SortedMap only so that {@code new TreeMap<>(…)} takes
   * them in linear time; nothing else of SortedMap is needed.
   */
  private static final class SortedEntries extends AbstractMap<String, String> implements SortedMap<String, String> {
    private final List<Map.Entry<String, String>> entries;

    SortedEntries(List<Map.Entry<String, String>> entries) {
      this.entries = entries;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<String, String>> iterator() {
          return entries.iterator();
        }

        @Override
        public int size() {
          return entries.size();
        }
      };
    }

    @Override
    public Comparator<? super String> comparator() {
      return null;
    }

    @Override
    public SortedMap<String, String> subMap(String fromKey, String toKey) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<String, String> headMap(String toKey) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<String, String> tailMap(String fromKey) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String firstKey() {
      return entries.get(0).getKey();
    }

    @Override
    public String lastKey() {
      return entries.get(entries.size() - 1).getKey();
    }
  }
}
