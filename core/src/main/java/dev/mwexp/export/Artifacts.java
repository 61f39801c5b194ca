package dev.mwexp.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

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

    /** Adds a file whose path was checked already (a fragment's, say), so it is not checked twice. */
    Builder addChecked(String path, String content) {
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
      // Sorted, so keys that are not strictly increasing are two artifacts at one path.
      return new Artifacts(dev.mwexp.collect.SortedEntries.treeMap(sorted, "two artifacts at "));
    }
  }
}
