package dev.mwexp.workspace;

import dev.mwexp.files.ReadCache;
import dev.mwexp.files.SafeTree;
import dev.mwexp.files.TreeException;
import dev.mwexp.fragment.Repository;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The checkouts one command works on, each its own boundary, read through one cache: a file is
 * read from disk once and parsed once per parser, whichever of the command's readers asks
 * (check's facts, its drift plan, import's readers). A checkout that cannot be opened is a
 * problem, not an exception, so the others are still worked on.
 */
public final class Workspace {

  private final ReadCache cache = new ReadCache();
  private final Map<Repository, Path> roots;
  private final Map<Repository, SafeTree> trees = new TreeMap<>();
  private final Map<Repository, String> problems = new TreeMap<>();

  private Workspace(Map<Repository, Path> roots) {
    this.roots = Collections.unmodifiableMap(new TreeMap<>(roots));
    roots.forEach((repository, root) -> {
      try {
        trees.put(repository, SafeTree.at(root, cache));
      } catch (TreeException e) {
        problems.put(repository, e.getMessage());
      }
    });
  }

  /** The checkouts given, by repository. */
  public static Workspace open(Map<Repository, Path> roots) {
    return new Workspace(roots);
  }

  /** The checkouts as given, whether or not they opened. */
  public Map<Repository, Path> roots() {
    return roots;
  }

  /** One checkout, named relative to its own root. */
  public Optional<SafeTree> tree(Repository repository) {
    return Optional.ofNullable(trees.get(repository));
  }

  /** Why a checkout could not be opened; empty when it was. */
  public Optional<String> problem(Repository repository) {
    return Optional.ofNullable(problems.get(repository));
  }

  /** What was read: how many disk reads, of which files. */
  public ReadCache reads() {
    return cache;
  }
}
