package dev.mwexp.repos;

import dev.mwexp.files.SafeTree;
import dev.mwexp.files.TreeException;
import dev.mwexp.fragment.Repository;
import dev.mwexp.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checkouts of any subset of the repositories. Each root must be a directory shaped like
 * its repository (a marker directory or file the real one has), so that a wrong path is refused
 * before anything is read or written.
 */
public final class Checkouts {

  private final Map<Repository, SafeTree> roots;

  private Checkouts(Map<Repository, SafeTree> roots) {
    this.roots = roots;
  }

  /** Whether {@code root} has the top-level entry every real checkout of the repository has. */
  static boolean recognised(Repository repository, Path root) {
    String marker = repository.marker();
    if (!marker.contains("*")) {
      return Files.exists(root.resolve(marker), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }
    try (java.util.stream.Stream<Path> entries = Files.list(root)) {
      return entries.anyMatch(p -> dev.mwexp.fragment.Globs.matches(marker, p.getFileName().toString()));
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** The given roots, each checked to be its repository; every problem at once. */
  public static Checkouts of(Map<Repository, Path> roots) throws CheckoutException {
    return of(Workspace.open(roots));
  }

  /**
   * The workspace's checkouts, each checked to be its repository; every problem at once. Reads
   * go through the workspace, so a command that also checks them reads each file once.
   */
  public static Checkouts of(Workspace workspace) throws CheckoutException {
    Map<Repository, SafeTree> trees = new java.util.TreeMap<>();
    List<String> problems = new ArrayList<>();
    workspace.roots().forEach((repository, root) -> {
      Optional<SafeTree> tree = workspace.tree(repository);
      if (tree.isEmpty()) {
        workspace.problem(repository).ifPresent(problems::add);
      } else if (!recognised(repository, root)) {
        problems.add(root + ": is not a checkout of " + repository.project() + " (it has no " + repository.marker()
            + "/); pass its root with --" + repository.option());
      } else {
        trees.put(repository, tree.get());
      }
    });
    if (!problems.isEmpty()) {
      throw new CheckoutException(problems);
    }
    return new Checkouts(trees);
  }

  /** Empty directories standing for the repositories (compile): no shape to check. */
  public static Checkouts empty(Map<Repository, Path> roots) throws CheckoutException {
    Map<Repository, SafeTree> trees = new java.util.TreeMap<>();
    for (Map.Entry<Repository, Path> e : roots.entrySet()) {
      try {
        trees.put(e.getKey(), SafeTree.at(e.getValue()));
      } catch (TreeException ex) {
        throw new CheckoutException(List.of(ex.getMessage()));
      }
    }
    return new Checkouts(trees);
  }

  public Optional<SafeTree> tree(Repository repository) {
    return Optional.ofNullable(roots.get(repository));
  }

  public java.util.Set<Repository> repositories() {
    return roots.keySet();
  }
}
