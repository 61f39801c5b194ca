package dev.mwexp.format.yaml;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.List;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Deterministic YAML for every exporter. Documents are trees of {@code Map} (written in their
 * iteration order, so pass {@code LinkedHashMap} or {@code TreeMap}), {@code List}, strings,
 * integers and booleans. Strings are quoted whenever a YAML 1.1 reader (Puppet's Ruby Psych,
 * SnakeYAML) or a YAML 1.2 reader would otherwise take them as anything but a string: {@code 0775},
 * {@code on}, {@code 10:30}, {@code 2001-12-14}, {@code 1e3}, {@code ~}.
 */
public final class YamlText {

  private YamlText() {}

  /** One YAML document, ending in a newline. */
  public static String write(Object document) {
    // Multi-line strings go in literal blocks, for readable ini files and scripts in ConfigMaps,
    // unless one holds a character a literal block cannot carry: then every string is
    // double-quoted, with escapes (in YAML 1.1, NEL, LS and PS are line breaks too, and other
    // control characters cannot appear unescaped).
    return TreeEmitter.write(document, Yaml11Safe.INSTANCE);
  }

  /** A YAML stream: the documents separated by {@code ---} lines. */
  public static String writeAll(List<?> documents) {
    StringBuilder out = new StringBuilder();
    for (Object document : documents) {
      out.append("---\n").append(write(document));
    }
    return out.toString();
  }

  /**
   * Whether a plain (unquoted) scalar with this text would be read as something other than a
   * string by a YAML 1.1 or 1.2 reader.
   */
  public static boolean needsQuotes(String value) {
    return Yaml11Safe.INSTANCE.needToQuoteValue(value);
  }

  /** Jackson's rules plus SnakeYAML's YAML 1.1 implicit types, which are a superset of 1.2's. */
  static final class Yaml11Safe extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    static final Yaml11Safe INSTANCE = new Yaml11Safe();

    @Override
    public boolean needToQuoteName(String name) {
      return super.needToQuoteName(name) || !isPlainString(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || !isPlainString(value);
    }

    private static boolean isPlainString(String value) {
      if (value.isEmpty()) {
        return false;
      }
      // Leading/trailing blanks and YAML indicators change or break a plain scalar.
      char first = value.charAt(0);
      if (Character.isWhitespace(first)
          || Character.isWhitespace(value.charAt(value.length() - 1))
          || "-?:,[]{}#&*!|>'\"%@`=<.+".indexOf(first) >= 0
          || value.contains(": ")
          || value.contains(" #")
          || value.endsWith(":")) {
        return false;
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
          return false;
        }
      }
      return PlainTags.of(value).equals(Tag.STR);
    }
  }
}
