package dev.mwexp.export;

import dev.mwexp.format.yaml.YamlKeys;
import dev.mwexp.fragment.MergeConflict;
import dev.mwexp.fragment.Fragment;
import dev.mwexp.fragment.Merge;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fragments applied to repositories that hold nothing yet: what {@code compile} writes. */
final class EmptyRepositories {

  private EmptyRepositories() {}

  static Artifacts apply(List<Fragment> fragments) {
    Map<String, Optional<String>> files = new LinkedHashMap<>();
    // A merge is a pure function of the file and the merge: every host's hiera file is the same
    // YAML keys merged into no file, so that is applied once, not once per host (the other kinds
    // come one per file, and hashing their thousands of entries would buy nothing).
    Map<Merge, Optional<String>> intoNothing = new HashMap<>();
    Merge lastMerge = null;
    Optional<String> lastMerged = null;
    for (Fragment f : fragments) {
      try {
        Optional<String> existing = files.getOrDefault(f.name(), Optional.empty());
        boolean reusable = existing.isEmpty() && f.merge() instanceof YamlKeys;
        // The same instance as the last one first: exporters share one merge across their hosts,
        // and a record's hash walks all its keys on every lookup.
        Optional<String> merged = !reusable ? null : f.merge() == lastMerge ? lastMerged : intoNothing.get(f.merge());
        if (merged == null) {
          merged = f.merge().apply(existing);
          if (reusable) {
            intoNothing.put(f.merge(), merged);
          }
        }
        if (reusable) {
          lastMerge = f.merge();
          lastMerged = merged;
        }
        files.put(f.name(), merged);
      } catch (MergeConflict e) {
        // Seeds are ours: a conflict on one is a bug, not bad input.
        throw new IllegalStateException(f.name() + ": " + e.getMessage(), e);
      }
    }
    Artifacts.Builder out = Artifacts.builder();
    files.forEach((path, text) -> text.ifPresent(t -> out.add(path, t)));
    return out.build();
  }
}
