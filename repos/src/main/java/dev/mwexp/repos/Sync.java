package dev.mwexp.repos;

import dev.mwexp.format.yaml.YamlKeysSweep;
import dev.mwexp.files.SafeTree;
import dev.mwexp.files.TreeException;
import dev.mwexp.fragment.MergeConflict;
import dev.mwexp.fragment.Fragment;
import dev.mwexp.fragment.Globs;
import dev.mwexp.fragment.Merge;
import dev.mwexp.fragment.Repository;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies fragments to checkouts, in memory: reads each file a fragment names (inside its
 * repository only), applies that file's merges in order, and collects what changed. Every file of
 * every repository is merged before the plan is returned, so a conflict anywhere means nothing is
 * written anywhere.
 */
public final class Sync {

  private Sync() {}

  /**
   * Completes or rolls back any sync a killed or failed run left in these checkouts; one line each
   * of what was done. Call it holding their {@link CheckoutLocks}, before reading them.
   */
  public static List<String> recover(java.util.Collection<Path> checkouts) {
    return Transaction.recover(checkouts);
  }

  public static Plan plan(List<Fragment> fragments, Checkouts checkouts) throws CheckoutException {
    Map<String, List<Fragment>> byFile = new LinkedHashMap<>();
    List<Fragment> sweeps = new ArrayList<>();
    for (Fragment f : fragments) {
      if (checkouts.tree(f.repository()).isEmpty()) {
        continue;
      }
      if (f.merge() instanceof YamlKeysSweep) {
        sweeps.add(f);
      } else {
        byFile.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
      }
    }
    List<Change> changes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (List<Fragment> file : byFile.values()) {
      Fragment first = file.get(0);
      SafeTree tree = checkouts.tree(first.repository()).orElseThrow();
      merge(tree, first.repository(), first.path(), file.stream().map(Fragment::merge).toList(), changes, problems);
    }
    Set<String> targeted = new HashSet<>(byFile.keySet());
    for (Fragment sweep : sweeps) {
      SafeTree tree = checkouts.tree(sweep.repository()).orElseThrow();
      Path dir = tree.root().resolve(sweep.path());
      if (!tree.isDirectory(dir)) {
        continue;
      }
      YamlKeysSweep merge = (YamlKeysSweep) sweep.merge();
      try {
        for (Path file : tree.list(dir)) {
          String path = sweep.path() + "/" + file.getFileName();
          String name = sweep.repository().directory() + "/" + path;
          if (targeted.add(name) && Globs.matches(merge.glob(), file.getFileName().toString())
              && !java.nio.file.Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) && holds(tree, file, merge.markerKey())) {
            merge(tree, sweep.repository(), path, List.of(merge), changes, problems);
          }
        }
      } catch (TreeException e) {
        problems.add(sweep.repository().directory() + "/" + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new CheckoutException(problems);
    }
    return new Plan(checkouts, changes);
  }

  private static boolean holds(SafeTree tree, Path file, String key) throws TreeException {
    return dev.mwexp.format.yaml.YamlEditor.hasTopKey(tree.read(file), key);
  }

  private static void merge(SafeTree tree, Repository repository, String path, List<Merge> merges, List<Change> changes,
      List<String> problems) {
    Path file = tree.root().resolve(path);
    Optional<String> before;
    try {
      before = tree.exists(file) ? Optional.of(tree.read(file)) : Optional.empty();
    } catch (TreeException e) {
      problems.add(repository.directory() + "/" + e.getMessage());
      return;
    }
    Optional<String> after = before;
    for (Merge merge : merges) {
      try {
        after = merge.apply(after);
      } catch (MergeConflict e) {
        problems.add(repository.directory() + "/" + path + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.reason());
        return;
      }
    }
    if (!after.equals(before)) {
      changes.add(new Change(repository, path, before, after));
    }
  }
}
