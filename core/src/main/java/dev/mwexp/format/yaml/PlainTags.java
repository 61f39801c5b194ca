package dev.mwexp.format.yaml;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's implicit tag of a plain scalar (YAML 1.1: bool, int, float, null, timestamp, merge,
 * else str), asking its resolver only when one of its patterns could match. The resolver runs a
 * regular expression for every scalar (at least its "empty is null" one), which was a third of
 * composing a spec and of deciding whether a written string needs quotes. Its patterns are keyed
 * by first character; the ones for letters (bool, null) are lists of words, looked up here; a
 * first character none is keyed by (a space is: " " is null), or a character no number or date
 * holds, makes a str. Only what could be a number, a date or a merge key reaches the resolver.
 * PlainTagsTest checks all of this against the resolver.
 */
final class PlainTags {

  private static final Resolver RESOLVER = new Resolver();

  private PlainTags() {}

  /** The words of the resolver's BOOL and NULL patterns, which are plain alternations. */
  private static final java.util.Map<String, Tag> WORDS = words();

  static Tag of(String value) {
    if (!value.isEmpty()) {
      char c = value.charAt(0);
      if ("yYnNtTfFoO~".indexOf(c) >= 0) {
        return value.length() > 5 ? Tag.STR : WORDS.getOrDefault(value, Tag.STR);
      }
      if ("-+0123456789.<!&* ".indexOf(c) < 0 || !numeric(value)) {
        return Tag.STR;
      }
    }
    return RESOLVER.resolve(NodeId.scalar, value, true);
  }

  /**
   * Whether every character could be in an int, float or timestamp (YAML 1.1's: binary, octal,
   * hex, base 60, .inf and .nan, dates with times and zones): "1000m" and "3500Mi" are not.
   */
  private static boolean numeric(String value) {
    for (int i = 0; i < value.length(); i++) {
      if ("0123456789_-+.:eExXbBoOaAcCdDfFtTZiInN \t<!&*".indexOf(value.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static java.util.Map<String, Tag> words() {
    java.util.Map<String, Tag> words = new java.util.HashMap<>();
    for (String w : "yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF".split(" ")) {
      words.put(w, Tag.BOOL);
    }
    for (String w : "~ null Null NULL".split(" ")) {
      words.put(w, Tag.NULL);
    }
    return java.util.Map.copyOf(words);
  }
}
