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
    List<Fragment> derived = new ArrayList<>();
    for (Fragment f : fragments) {
      if (checkouts.tree(f.repository()).isEmpty()) {
        continue;
      }
      if (f.merge() instanceof Merge.Derived) {
        derived.add(f);
      } else if (f.merge() instanceof Merge.Sweep) {
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
    for (Fragment f : derived) {
      derive(checkouts.tree(f.repository()).orElseThrow(), f, targeted, changes, problems);
    }
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
   * A derived change's files: each must be a safe path no other fragment names (two owners of one
   * file would make the plan depend on their order).
   */
  private static void derive(SafeTree tree, Fragment f, Set<String> targeted, List<Change> changes,
      List<String> problems) {
    String where = f.repository().directory() + "/" + f.path() + ": ";
    java.util.SortedMap<String, Optional<String>> files;
    try {
      files = ((Merge.Derived) f.merge()).derive(new Merge.Derived.Checkout() {
        @Override
        public Optional<String> read(String path) throws MergeConflict {
          try {
            return existing(tree, safe(path));
          } catch (TreeException e) {
            throw new MergeConflict(0, e.getMessage());
          }
        }

        @Override
        public List<String> files(String directory) throws MergeConflict {
          try {
            Path dir = tree.root().resolve(safe(directory));
            if (!tree.isDirectory(dir)) {
              return List.of();
            }
            List<String> names = new ArrayList<>();
            for (Path p : tree.list(dir)) {
              if (tree.isFile(p)) {
                names.add(p.getFileName().toString());
              }
            }
            return names.stream().sorted().toList();
          } catch (TreeException e) {
            throw new MergeConflict(0, e.getMessage());
          }
        }
      });
    } catch (MergeConflict e) {
      problems.add(where + e.getMessage());
      return;
    }
    for (var file : files.entrySet()) {
      String path = file.getKey();
      if (!dev.mwexp.files.SafePaths.isSafeWithDotFiles(path)) {
        problems.add(where + "not a safe relative path: " + path);
        continue;
      }
      if (!targeted.add(f.repository().directory() + "/" + path)) {
        problems.add(where + path + " is also another fragment's file");
        continue;
      }
      Optional<String> before;
      try {
        before = existing(tree, path);
      } catch (TreeException e) {
        problems.add(f.repository().directory() + "/" + e.getMessage());
        continue;
      }
      if (!file.getValue().equals(before)) {
        changes.add(new Change(f.repository(), path, before, file.getValue()));
      }
    }
  }

  /** A file's text, empty when nothing stands at its path. */
  private static Optional<String> existing(SafeTree tree, String path) throws TreeException {
    Path file = tree.root().resolve(path);
    return tree.exists(file) ? Optional.of(tree.read(file)) : Optional.empty();
  }

  private static String safe(String path) throws MergeConflict {
    if (!dev.mwexp.files.SafePaths.isSafeWithDotFiles(path)) {
      throw new MergeConflict(0, "not a safe relative path: " + path);
    }
    return path;
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
    Optional<String> before;
    try {
      before = existing(tree, path);
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
