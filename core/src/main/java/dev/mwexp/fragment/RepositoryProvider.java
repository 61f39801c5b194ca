package dev.mwexp.fragment;

import java.util.List;

/**
 * Brings repositories beyond the built-in four, found by {@link java.util.ServiceLoader} as
 * exporters are: a module that writes into a fifth repository registers one of these in
 * {@code META-INF/services/dev.mwexp.fragment.RepositoryProvider}.
 */
public interface RepositoryProvider {

  List<Repository> repositories();
}
