package dev.mwexp.format.yaml;

import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Where each character of a scalar's value stands in the file's text, so that an edit to the value
 * (a PromQL matcher added to an {@code expr}) is made to the text in place, in the scalar's own
 * style: plain, quoted, literal or folded. Whitespace in the value may be folded or indented in the
 * text, so only the other characters are placed; edits go next to those.
 */
public final class ScalarText {

  private final int[] offsets;
  /** 2 where the text escapes the character ({@code \"}, {@code ''}), else 1. */
  private final byte[] widths;
  private final ScalarStyle style;

  private ScalarText(int[] offsets, byte[] widths, ScalarStyle style) {
    this.offsets = offsets;
    this.widths = widths;
    this.style = style;
  }

  /**
   * The value's characters placed in {@code text}, the whole file {@code node} was composed from;
   * empty when the value cannot be followed through the text (an escape this does not decode).
   */
  public static Optional<ScalarText> of(String text, ScalarNode node) {
    String value = node.getValue();
    ScalarStyle style = node.getScalarStyle();
    int j = YamlNodes.at(text, node.getStartMark());
    int end = YamlNodes.at(text, node.getEndMark());
    if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
      j = text.indexOf('\n', j) + 1; // past the header (| or > and its indicators)
      if (j == 0) {
        return Optional.empty();
      }
    } else if (style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED) {
      j++;
    }
    int[] offsets = new int[value.length()];
    byte[] widths = new byte[value.length()];
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c)) {
        offsets[i] = -1;
        continue;
      }
      while (j < end && (Character.isWhitespace(text.charAt(j))
          || (style == ScalarStyle.DOUBLE_QUOTED && text.startsWith("\\\n", j)))) {
        j += text.charAt(j) == '\\' ? 2 : 1;
      }
      if (j >= end) {
        return Optional.empty();
      }
      char t = text.charAt(j);
      if (style == ScalarStyle.DOUBLE_QUOTED && t == '\\') {
        if (j + 1 >= end || decoded(text.charAt(j + 1)) != c) {
          return Optional.empty();
        }
        offsets[i] = j;
        widths[i] = 2;
        j += 2;
      } else if (style == ScalarStyle.SINGLE_QUOTED && c == '\'') {
        if (!text.startsWith("''", j)) {
          return Optional.empty();
        }
        offsets[i] = j;
        widths[i] = 2;
        j += 2;
      } else if (t == c) {
        offsets[i] = j;
        widths[i] = 1;
        j++;
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(new ScalarText(offsets, widths, style));
  }

  private static char decoded(char escape) {
    return switch (escape) {
      case '"', '\\', '/' -> escape;
      default -> '\0'; // \n, \t, \x…: not in the values edited here; refuse rather than guess
    };
  }

  /** Where the value's character {@code i} (not whitespace) starts in the text. */
  public int at(int i) {
    if (offsets[i] < 0) {
      throw new IllegalArgumentException("character " + i + " of the value is whitespace, which the text may fold");
    }
    return offsets[i];
  }

  /** Where the text just after the value's character {@code i} starts (an insertion after it). */
  public int after(int i) {
    return at(i) + widths[i];
  }

  /** {@code s} written as this scalar writes it, to be inserted into its text. */
  public String encode(String s) {
    return switch (style) {
      case DOUBLE_QUOTED -> s.replace("\\", "\\\\").replace("\"", "\\\"");
      case SINGLE_QUOTED -> s.replace("'", "''");
      default -> s;
    };
  }
}
