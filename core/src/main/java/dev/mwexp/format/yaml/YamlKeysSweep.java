package dev.mwexp.format.yaml;

import dev.mwexp.fragment.Merge;
import dev.mwexp.fragment.MergeConflict;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Removes the given top-level keys from every existing file matching {@code glob} (relative to
 * the repository) that holds {@code markerKey} and no other fragment targets: the files of hosts
 * the model no longer has. A file left with nothing but comments and blank lines is deleted.
 */
public record YamlKeysSweep(String glob, String markerKey, List<String> keys) implements Merge.Sweep {
  public YamlKeysSweep {
    keys = List.copyOf(keys);
  }

  @Override
  public String files() {
    return glob;
  }

  @Override
  public boolean wants(String name, String text) {
    return YamlEditor.hasTopKey(text, markerKey);
  }

  @Override
  public String seed() {
    return "";
  }

  /** A sweep never creates a file, and deletes one only when nothing at all is left in it. */
  @Override
  public Optional<String> apply(Optional<String> existing) throws MergeConflict {
    if (existing.isEmpty()) {
      return existing;
    }
    String text = existing.get();
    for (String key : keys) {
      text = YamlEditor.apply(text, new YamlKeys(Map.of(), List.of(List.of(key)), ""));
    }
    // Only a file left with nothing at all goes; a comment someone wrote keeps it.
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }
}
