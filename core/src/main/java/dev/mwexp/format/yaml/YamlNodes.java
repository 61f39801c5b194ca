package dev.mwexp.format.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
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
   * A scalar's value as YAML 1.1 reads it (as Puppet's Psych and Helm's go-yaml do): Integer, Long
   * or BigInteger for {@code !!int} ({@code 0x1F}, {@code 1_000}), Double for {@code !!float},
   * Boolean for {@code !!bool} ({@code yes}, {@code off}), null for {@code !!null}; any other tag,
   * timestamps included, gives the text.
   */
  public static Object scalar(ScalarNode node) {
    Tag tag = node.getTag();
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL)) {
      return SCALARS.value(node);
    }
    return node.getValue();
  }

  private static final Scalars SCALARS = new Scalars();

  /**
   * SnakeYAML's safe constructor, whose scalar constructors are only reachable from a subclass.
   * They are called directly, not through {@code constructObject}, which caches every node it
   * sees: so one instance serves every caller, and keeps nothing.
   */
  private static final class Scalars extends SafeConstructor {
    Scalars() {
      super(new LoaderOptions());
    }

    Object value(ScalarNode node) {
      return yamlConstructors.get(node.getTag()).construct(node);
    }
  }
}
