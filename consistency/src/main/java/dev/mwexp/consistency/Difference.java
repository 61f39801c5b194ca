package dev.mwexp.consistency;

import org.immutables.value.Value;

/** One semantic difference between what a spec compiles to and what a tree holds. */
@Value.Immutable
public interface Difference {

  /** What kind of difference. */
  enum Kind {
    MISSING_FILE,
    /** The tree's file cannot be read: a link out of the tree, not UTF-8, too large, refused by the OS. */
    UNREADABLE_FILE,
    UNEXPECTED_FILE,
    MISSING_KEY,
    UNEXPECTED_KEY,
    CHANGED_VALUE,
    MISSING_LINE,
    UNEXPECTED_LINE
  }

  Kind kind();

  /** The file, relative to the tree. */
  String file();

  /** The key ({@code [0]/spec/replicas} for YAML documents) or line; empty for whole files. */
  String key();

  /** What the spec compiles to; empty when nothing. */
  String expected();

  /** What the tree holds; empty when nothing. */
  String actual();

  static ImmutableDifference.Builder builder() {
    return ImmutableDifference.builder();
  }

  /** One line; user-supplied text in it is made inert. */
  default String format() {
    return dev.mwexp.files.Inert.text(formatRaw());
  }

  private String formatRaw() {
    String where = file() + (key().isEmpty() ? "" : " " + key());
    return switch (kind()) {
      case MISSING_FILE -> "missing file " + file();
      case UNREADABLE_FILE -> "unreadable file " + file() + (key().isEmpty() ? "" : ":" + key()) + ": " + actual();
      case UNEXPECTED_FILE -> "unexpected file " + file();
      case MISSING_KEY -> where + ": missing (expected " + expected() + ")";
      case UNEXPECTED_KEY -> where + ": not expected (found " + actual() + ")";
      case CHANGED_VALUE -> where + ": expected " + expected() + ", found " + actual();
      case MISSING_LINE -> file() + ": missing line: " + expected();
      case UNEXPECTED_LINE -> file() + ": unexpected line: " + actual();
    };
  }
}
