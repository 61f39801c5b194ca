package dev.mwexp.export;

import dev.mwexp.format.MergeConflict;
import dev.mwexp.format.Merges;
import dev.mwexp.fragment.Fragment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fragments applied to repositories that hold nothing yet: what {@code compile} writes. */
final class EmptyRepositories {

  private EmptyRepositories() {}

  static Artifacts apply(List<Fragment> fragments) {
    Map<String, Optional<String>> files = new LinkedHashMap<>();
    for (Fragment f : fragments) {
      try {
        files.put(f.name(), Merges.apply(files.getOrDefault(f.name(), Optional.empty()), f.merge()));
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
