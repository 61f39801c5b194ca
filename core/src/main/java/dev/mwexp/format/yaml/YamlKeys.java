package dev.mwexp.format.yaml;

import dev.mwexp.fragment.Merge;
import dev.mwexp.fragment.MergeConflict;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keys of a YAML mapping: each key path (segments from the top) set to its value (maps, lists,
 * strings, numbers, booleans; {@code null} is YAML's {@code ~}), and each path of {@code removed}
 * deleted where present.
 */
public record YamlKeys(Map<List<String>, Object> set, List<List<String>> removed, String seed) implements Merge.Edit {
  public YamlKeys {
    set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
    removed = List.copyOf(removed);
  }

  // equals and hashCode written out, here and in Target: a record's generated ones link
  // through ObjectMethods' method handles on first use, about 10 ms of every CLI run that
  // compares them (BENCHMARKS.md, "CLI start-up").
  @Override
  public boolean equals(Object o) {
    return o instanceof YamlKeys k && set.equals(k.set) && removed.equals(k.removed)
        && Objects.equals(seed, k.seed);
  }

  @Override
  public int hashCode() {
    return (set.hashCode() * 31 + removed.hashCode()) * 31 + Objects.hashCode(seed);
  }

  @Override
  public String edit(String text) throws MergeConflict {
    return YamlEditor.apply(text, this);
  }
}
