package dev.mwexp.format.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's node graph of a text, with a position for every node. Composed directly rather
 * than through the {@code Yaml} facade, which also builds a constructor and a JavaBean
 * representer that reading nodes never uses, and with them java.beans and java.util.logging:
 * 161 classes of a cold {@code validate} (issue 17; BENCHMARKS.md).
 */
public final class YamlNodes {

  /**
   * One for every composer: building a Resolver fills its table of implicit types, which was a
   * third of compiling 10,000 hosts' hiera files (one compose per key set). After construction a
   * Resolver is only read, so sharing it is safe.
   */
  private static final Resolver RESOLVER = new Resolver();

  private YamlNodes() {}

  /** The composer of {@code text}'s documents: {@code checkNode}/{@code getNode} for each, {@code getSingleNode} for one. */
  public static Composer composer(String text, LoaderOptions options) {
    return new Composer(new ParserImpl(new StreamReader(text), options), RESOLVER, options);
  }

  /**
   * Where a mark stands in {@code text}, as a String index. SnakeYAML counts code points, a String
   * UTF-16 chars: past a character outside the BMP (an emoji in a comment) the two differ, and an
   * edit placed by the mark would land that many chars early.
   */
  public static int at(String text, org.yaml.snakeyaml.error.Mark mark) {
    int codePoints = mark.getIndex();
    int[] astral = astral(text);
    if (astral.length == 0) {
      return codePoints;
    }
    int k = java.util.Arrays.binarySearch(astral, codePoints);
    return codePoints + (k >= 0 ? k : -k - 1);
  }

  /** The code-point indices of the text's characters outside the BMP, for the last text asked about. */
  private static int[] astral(String text) {
    Object[] last = LAST.get();
    if (last[0] == text) {
      return (int[]) last[1];
    }
    int[] found = new int[0];
    int n = 0;
    for (int i = 0, cp = 0; i < text.length(); cp++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (n == found.length) {
          found = java.util.Arrays.copyOf(found, Math.max(4, n * 2));
        }
        found[n++] = cp;
        i += 2;
      } else {
        i++;
      }
    }
    int[] result = java.util.Arrays.copyOf(found, n);
    last[0] = text;
    last[1] = result;
    return result;
  }

  private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);
}
