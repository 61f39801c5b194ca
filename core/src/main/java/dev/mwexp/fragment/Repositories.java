package dev.mwexp.fragment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** The repositories on the class path, looked up once and kept (as {@code Exporters} keeps the exporters). */
final class Repositories {

  private static volatile List<Repository> found;

  private Repositories() {}

  static List<Repository> all() {
    List<Repository> all = found;
    if (all == null) {
      all = lookUp(Repositories.class.getClassLoader());
      found = all;
    }
    return all;
  }

  static List<Repository> lookUp(ClassLoader loader) {
    TreeSet<Repository> all = new TreeSet<>(Repository.BUILT_IN);
    List<String> options = new ArrayList<>();
    Repository.BUILT_IN.forEach(r -> options.add(r.option()));
    for (RepositoryProvider provider : ServiceLoader.load(RepositoryProvider.class, loader)) {
      for (Repository r : provider.repositories()) {
        // Two plug-ins naming one directory or option would make one --option mean two checkouts.
        if (!all.add(r) || options.contains(r.option())) {
          throw new IllegalStateException("two repositories named " + r.directory() + " (" + r.project() + ", from "
              + provider.getClass().getName() + ")");
        }
        options.add(r.option());
      }
    }
    return Collections.unmodifiableList(new ArrayList<>(all));
  }
}
