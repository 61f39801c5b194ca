package dev.mwexp.export;

import dev.mwexp.format.yaml.YamlKeys;
import dev.mwexp.fragment.Fragment;
import dev.mwexp.fragment.Merge;
import dev.mwexp.fragment.MergeConflict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fragments applied to repositories that hold nothing yet: what {@code compile} writes. */
final class EmptyRepositories {

  private EmptyRepositories() {}

  static Artifacts apply(List<Fragment> fragments) {
    // The fragments by file name, a stable sort so each file's fragments keep their order. Sorted
    // rather than hashed: the artifacts are sorted by path anyway, exporters give their files in
    // nearly sorted runs, and hashing 10,000 fresh path strings was a tenth of a compile.
    List<Map.Entry<String, Fragment>> byName = new ArrayList<>(fragments.size());
    for (Fragment f : fragments) {
      if (!(f.merge() instanceof Merge.Sweep)) { // a sweep never creates a file, and there is none here
        byName.add(Map.entry(f.name(), f));
      }
    }
    byName.sort(Map.Entry.comparingByKey());
    // A merge is a pure function of the file and the merge: every host's hiera file is the same
    // YAML keys merged into no file, so that is applied once, not once per host (the other kinds
    // come one per file, and hashing their thousands of entries would buy nothing).
    Map<Merge, Optional<String>> intoNothing = new HashMap<>();
    Merge lastMerge = null;
    Optional<String> lastMerged = null;
    Artifacts.Builder out = Artifacts.builder();
    for (int i = 0; i < byName.size(); ) {
      String name = byName.get(i).getKey();
      Optional<String> text = Optional.empty();
      for (; i < byName.size() && byName.get(i).getKey().equals(name); i++) {
        Fragment f = byName.get(i).getValue();
        boolean reusable = text.isEmpty() && f.merge() instanceof YamlKeys;
        // The same instance as the last one first: exporters share one merge across their hosts,
        // and a record's hash walks all its keys on every lookup.
        Optional<String> merged = !reusable ? null : f.merge() == lastMerge ? lastMerged : intoNothing.get(f.merge());
        if (merged == null) {
          try {
            merged = f.merge().apply(text);
          } catch (MergeConflict e) {
            // Seeds are ours: a conflict on one is a bug, not bad input.
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
          }
          if (reusable) {
            intoNothing.put(f.merge(), merged);
          }
        }
        if (reusable) {
          lastMerge = f.merge();
          lastMerged = merged;
        }
        text = merged;
      }
      // A fragment's path was checked when it was made, and its repository's directory is one word.
      if (text.isPresent()) {
        out.addChecked(name, text.get());
      }
    }
    return out.build();
  }
}
