package dev.mwexp.format.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.nodes.Node;
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

  /**
   * The documents of {@code text}: {@code checkNode}/{@code getNode} for each, {@code getSingleNode}
   * for one. Text in the plain block style is composed by {@link BlockComposer}, into the very
   * nodes SnakeYAML would make; anything else by SnakeYAML, with its errors and limits.
   */
  public static Documents composer(String text, LoaderOptions options) {
    if (!options.isProcessComments() && text.length() <= options.getCodePointLimit()) {
      Node root = BlockComposer.compose(text, options.getNestingDepthLimit() - 2);
      if (root != null) {
        return new One(root);
      }
    }
    Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), RESOLVER, options);
    return new Documents() {
      @Override
      public boolean checkNode() {
        return composer.checkNode();
      }

      @Override
      public Node getNode() {
        return composer.getNode();
      }

      @Override
      public Node getSingleNode() {
        return composer.getSingleNode();
      }
    };
  }

  /** A YAML stream's documents, as SnakeYAML's {@link Composer} hands them out. */
  public interface Documents {
    /** Whether another document follows. */
    boolean checkNode();

    /** The next document's root, or null after the last. */
    Node getNode();

    /** The one document's root, or null for none; more than one is an error. */
    Node getSingleNode();
  }

  /** The one document {@link BlockComposer} composed. */
  private static final class One implements Documents {
    private Node root;

    One(Node root) {
      this.root = root;
    }

    @Override
    public boolean checkNode() {
      return root != null;
    }

    @Override
    public Node getNode() {
      Node r = root;
      root = null;
      return r;
    }

    @Override
    public Node getSingleNode() {
      return getNode();
    }
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
