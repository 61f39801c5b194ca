package dev.mwexp.fragment;


/**
 * mw-experimental's part of one file of one repository.
 *
 * @param repository where the file lives
 * @param path the file, relative to the repository's root
 * @param merge how that part merges into what the file already holds
 */
public record Fragment(Repository repository, String path, Merge merge) {

  public Fragment {
    // A sweep's path may glob directories (team-*); a glob matches only what a listing holds.
    // A safe path first: the common case then never asks what kind of merge it is.
    if (!dev.mwexp.files.SafePaths.isSafe(path)
        && !(merge instanceof Merge.Sweep && dev.mwexp.files.SafePaths.isSafe(path.replace('*', 'x')))) {
      throw new IllegalArgumentException("not a safe relative path: " + path);
    }
  }

  /** {@code repository/path}, as plans and messages name it. */
  public String name() {
    return repository.directory() + "/" + path;
  }
}
