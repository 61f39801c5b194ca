package dev.mwexp.cli;

import dev.mwexp.cli.args.Arguments;
import dev.mwexp.cli.args.Option;
import dev.mwexp.cli.args.UsageException;
import dev.mwexp.fragment.Repository;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The checkouts of the repositories a command works on; any subset. */
final class RepositoryOptions {

  private static final Map<Repository, Option> OPTIONS = options();

  private RepositoryOptions() {}

  /** An option a repository, as the repository names it ({@code --charts DIR}). */
  private static Map<Repository, Option> options() {
    Map<Repository, Option> o = new java.util.TreeMap<>();
    for (Repository r : Repository.all()) {
      o.put(r, Option.value("--" + r.option(), "DIR", "A checkout of " + r.project() + "."));
    }
    return o;
  }

  /** The repositories' options, in the order help lists them. */
  static List<Option> options(List<Option> before, List<Option> after) {
    List<Option> all = new java.util.ArrayList<>(before);
    all.addAll(OPTIONS.values());
    all.addAll(after);
    return all;
  }

  /** The checkouts given, by repository. */
  static Map<Repository, Path> given(Arguments args) throws UsageException {
    Map<Repository, Path> roots = new java.util.TreeMap<>();
    for (Map.Entry<Repository, Option> e : OPTIONS.entrySet()) {
      Optional<Path> dir = args.path(e.getValue().name());
      if (dir.isPresent()) {
        roots.put(e.getKey(), dir.get());
      }
    }
    return roots;
  }
}
