package dev.mwexp.fragment;

import java.util.List;

/**
 * A change mwexp makes outside mw-experimental's own parts (a shared chart, say), so only when a
 * user asks for it by name: {@code sync --with-change NAME}. Its fragments are planned, diffed
 * and written with the others, in the same transaction.
 *
 * @param name what the user names it by: lower-case words joined by '-'
 * @param summary one line saying what it changes and why
 */
public record OptInChange(String name, String summary, List<Fragment> fragments) {

  public OptInChange {
    if (!name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("an opt-in change's name is lower-case words joined by '-': " + name);
    }
    fragments = List.copyOf(fragments);
  }
}
