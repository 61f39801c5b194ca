package dev.mwexp.repos;

import dev.mwexp.fragment.Repository;
import java.util.Optional;

/**
 * One file's change: its text before and after (empty when the file does not exist then).
 *
 * @param path relative to the repository's root
 */
public record Change(Repository repository, String path, Optional<String> before, Optional<String> after) {

  /** {@code repository/path}. */
  public String name() {
    return repository.directory() + "/" + path;
  }
}
