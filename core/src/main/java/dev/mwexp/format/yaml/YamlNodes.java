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
}
