package dev.mwexp.repos;

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
      if (f.merge() instanceof Merge.Sweep) {
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
      Merge.Sweep merge = (Merge.Sweep) sweep.merge();
      try {
        for (String dir : directories(tree, sweep.path())) {
          for (Path file : tree.list(tree.root().resolve(dir))) {
            String fileName = file.getFileName().toString();
            String path = dir + "/" + fileName;
            String name = sweep.repository().directory() + "/" + path;
            if (Globs.matches(merge.files(), fileName) && !targeted.contains(name)
                && !java.nio.file.Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)
                && merge.wants(fileName, tree.read(file))) {
              targeted.add(name);
              merge(tree, sweep.repository(), path, List.of(merge), changes, problems);
            }
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

  /**
   * The directories a sweep's path names, relative to the checkout, sorted: a segment with
   * {@code *} is every directory it matches ({@code team-*}); none when nothing matches.
   */
  static List<String> directories(SafeTree tree, String path) throws TreeException {
    List<String> dirs = List.of("");
    for (String segment : path.split("/")) {
      List<String> next = new ArrayList<>();
      for (String dir : dirs) {
        String prefix = dir.isEmpty() ? "" : dir + "/";
        if (!segment.contains("*")) {
          if (tree.isDirectory(tree.root().resolve(prefix + segment))) {
            next.add(prefix + segment);
          }
          continue;
        }
        Path parent = tree.root().resolve(dir.isEmpty() ? "." : dir).normalize();
        for (Path child : tree.list(parent)) {
          String childName = child.getFileName().toString();
          if (Globs.matches(segment, childName) && tree.isDirectory(child)) {
            next.add(prefix + childName);
          }
        }
      }
      dirs = next;
    }
    return dirs.stream().sorted().toList();
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
