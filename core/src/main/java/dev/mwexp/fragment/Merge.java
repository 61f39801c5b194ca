package dev.mwexp.fragment;

import java.util.Optional;

/**
 * How a fragment merges into its file. Each kind says which part of the file is mw-experimental's —
 * by keys and names, never by line numbers — and what that part should hold. Everything else in the
 * file is someone else's and is never rewritten. A {@code seed} is the whole file to start from
 * when it does not exist yet (an empty repository, as {@code compile} uses).
 *
 * <p>Each kind applies itself, next to the editor of its format ({@code format.yaml.YamlKeys},
 * {@code format.lua.LuaTableEntries}, …), so a kind without a way to apply it does not compile,
 * and a plug-in's repository brings its own kinds as new classes.
 */
public interface Merge {

  /** What the file starts as when it does not exist. */
  String seed();

  /**
   * The file's new text; {@code existing} empty means the file does not exist. Empty out means
   * the file is to be deleted (or, when it did not exist, not created).
   */
  Optional<String> apply(Optional<String> existing) throws MergeConflict;

  /** A kind that edits its part of the file's text, starting from the seed when there is none. */
  interface Edit extends Merge {

    String edit(String text) throws MergeConflict;

    @Override
    default Optional<String> apply(Optional<String> existing) throws MergeConflict {
      return Optional.of(edit(existing.orElse(seed())));
    }
  }

  /**
   * A kind that applies to every existing file of the directories its fragment's path names (a
   * {@code *} in a segment matches any run of characters: {@code team-*}), rather than to one
   * file: removing what the model no longer has from hosts' files, excluding mw-experimental from
   * every rule file. It never creates a file; files another fragment targets are left to it.
   */
  interface Sweep extends Merge {

    /** A glob of the names of the files to apply to, in those directories. */
    String files();

    /** Whether to apply to this file, by its name and text. */
    boolean wants(String name, String text);
  }

  /**
   * A change that follows what the repository already holds rather than one file: a new version of
   * a shared chart module, made from the newest one and vendored where it is used. Given the
   * checkout, read-only, it returns the new text of each file it changes (empty: a file it
   * replaces, to delete), by path relative to the repository. The fragment's path names what it
   * changes. Never applied to an empty repository: there is nothing to follow.
   */
  interface Derived extends Merge {

    /** The files this change writes or deletes, and their new text. */
    java.util.SortedMap<String, Optional<String>> derive(Checkout checkout) throws MergeConflict;

    @Override
    default String seed() {
      return "";
    }

    /** A derived change has no one file to apply to; {@link #derive} is its application. */
    @Override
    default Optional<String> apply(Optional<String> existing) {
      throw new UnsupportedOperationException("a derived change applies to a checkout: derive(checkout)");
    }

    /** A checkout as a derived change reads it: inside the repository, files only. */
    interface Checkout {

      /** The file's text; empty when it does not exist. */
      Optional<String> read(String path) throws MergeConflict;

      /** The names of the files in a directory, sorted; empty when it does not exist. */
      java.util.List<String> files(String directory) throws MergeConflict;
    }
  }

  /**
   * A merge into a file that belongs to something else as a whole (another service's values, a
   * shared chart): applied when the file exists, never creating it.
   */
  record IfExists(Merge merge) implements Merge {
    @Override
    public String seed() {
      return "";
    }

    @Override
    public Optional<String> apply(Optional<String> existing) throws MergeConflict {
      return existing.isEmpty() ? existing : merge.apply(existing);
    }
  }

  /** A file mwexp owns whole. */
  record OwnedFile(String text) implements Merge {
    @Override
    public String seed() {
      return text;
    }

    @Override
    public Optional<String> apply(Optional<String> existing) {
      return Optional.of(text);
    }
  }
}
