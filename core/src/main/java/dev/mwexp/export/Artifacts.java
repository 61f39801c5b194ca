package dev.mwexp.export;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Files produced by exporters: relative path to UTF-8 text, sorted by path. Paths are checked on
 * the way in, so no artifact can name a file outside the output directory.
 */
public final class Artifacts {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@+-]{0,254}");

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
    Builder b = builder();
    files.forEach(b::add);
    other.files.forEach(b::add);
    return b.build();
  }

  /** True when {@code path} is relative, normalized and made of portable file-name segments. */
  public static boolean isSafePath(String path) {
    if (path.isEmpty() || path.length() > 1024) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals("..") || segment.equals(".")) {
        return false;
      }
    }
    return true;
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

  /** Collects files; refuses unsafe and duplicate paths. */
  public static final class Builder {
    private final SortedMap<String, String> files = new TreeMap<>();

    private Builder() {}

    public Builder add(String path, String content) {
      if (!isSafePath(path)) {
        throw new IllegalArgumentException("unsafe artifact path: " + path);
      }
      if (files.putIfAbsent(path, content) != null) {
        throw new IllegalArgumentException("two artifacts at " + path);
      }
      return this;
    }

    public Builder addAll(Map<String, String> more) {
      more.forEach(this::add);
      return this;
    }

    public Artifacts build() {
      return new Artifacts(new TreeMap<>(files));
    }
  }
}
