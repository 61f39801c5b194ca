package dev.mwexp.consistency;

import dev.mwexp.files.SafeTree;
import dev.mwexp.files.TreeException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads one kind of fact that a check needs beyond the chain's own: a further repository's files,
 * say. A check names its sources in {@link ChainLink#reads}; each is read once per check run, and
 * its checks get the result from {@link Facts#get}. So a new link with new facts is new classes
 * and one line in {@link Links}, not edits to the reader, the facts or the runner.
 *
 * <p>A source has a public no-argument constructor.
 *
 * @param <T> the facts it reads
 */
interface FactsSource<T> {

  /**
   * The facts, or empty when the trees hold nothing for this source (no checkout of its
   * repository): its checks then do not run. {@code model} is the spec's, when the check has one.
   * A file that cannot be read goes to
   * {@code unreadable}, and is reported once as UNREADABLE; the checks that read this source are
   * then skipped.
   */
  Optional<T> read(SafeTree tree, ArtifactTrees trees, Optional<dev.mwexp.model.Setup> model,
      Consumer<TreeException> unreadable);
}
