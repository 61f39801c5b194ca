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
