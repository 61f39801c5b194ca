package dev.mwexp.consistency;

import java.util.List;

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
    /** A text file (not YAML or JSON) differs; {@link #diff} shows how, with context. */
    CHANGED_TEXT
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

  /**
   * For {@link Kind#CHANGED_TEXT}, a unified diff from the tree's file ({@code a/}) to what the
   * spec compiles to ({@code b/}), its lines already inert; empty for other kinds.
   */
  @Value.Default
  default String diff() {
    return "";
  }

  static ImmutableDifference.Builder builder() {
    return ImmutableDifference.builder();
  }

  /**
   * This difference as the one finding value every printer takes: id {@code DRIFT}, at the file
   * (and the line a text diff's first hunk starts at), with the diff as its fix.
   */
  default dev.mwexp.diagnostic.Diagnostic diagnostic() {
    int line = dev.mwexp.format.UnifiedDiff.firstHunkLine(diff());
    dev.mwexp.diagnostic.Diagnostic d = dev.mwexp.diagnostic.Diagnostic.error("DRIFT", file(), formatRaw(),
        List.of(new dev.mwexp.diagnostic.Diagnostic.Position(file(), line, 0))).withExpected(expected(), actual());
    return diff().isEmpty() ? d : d.withFix(diff());
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
      case CHANGED_TEXT -> file() + ": differs from the spec (diff follows: - the tree, + the spec)";
    };
  }
}
