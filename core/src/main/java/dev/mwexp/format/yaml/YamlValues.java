package dev.mwexp.format.yaml;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Values of {@link YamlNodes}' nodes as YAML 1.1 reads them, the way Puppet's Psych and Helm's
 * go-yaml do and SnakeYAML's safe constructor does: {@code yes} and {@code off} are booleans,
 * {@code 0x1F}, {@code 0755} and {@code 1_000} integers. Written here rather than taken from
 * SnakeYAML's constructor, whose base class starts java.util.logging (about 15 ms of a cold
 * run; issue 17); YamlValuesTest holds the two equal.
 */
public final class YamlValues {

  static final int MAX_DEPTH = 64;

  private YamlValues() {}

  /**
   * A node's value: LinkedHashMap for a mapping (merge keys {@code <<} applied, explicit keys
   * winning), ArrayList for a sequence, {@link #scalar} for a scalar; null for no node.
   *
   * @throws IllegalArgumentException on a key given twice in one mapping, a key that is not a
   *     scalar, nesting deeper than 64 (a recursive alias), or a malformed tagged scalar
   */
  public static Object of(Node node) {
    return node == null ? null : value(node, 0);
  }

  private static Object value(Node node, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("the YAML is nested more than " + MAX_DEPTH + " levels deep");
    }
    if (node instanceof ScalarNode scalar) {
      return scalar(scalar);
    }
    if (node instanceof SequenceNode sequence) {
      List<Object> out = new ArrayList<>(sequence.getValue().size());
      for (Node item : sequence.getValue()) {
        out.add(value(item, depth + 1));
      }
      return out;
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    List<NodeTuple> entries = entries((MappingNode) node, depth);
    for (NodeTuple tuple : entries) {
      Object k = scalar((ScalarNode) tuple.getKeyNode());
      // entries() keeps merged keys only where no other key is: a clash is a key written twice.
      if (out.containsKey(k)) {
        throw new IllegalArgumentException("line " + line(tuple.getKeyNode()) + ": key '"
            + ((ScalarNode) tuple.getKeyNode()).getValue() + "' is given twice");
      }
      out.put(k, value(tuple.getValueNode(), depth + 1));
    }
    return out;
  }

  /**
   * A mapping's entries as YAML 1.1 reads it: its own, in order (a key written twice, twice),
   * then those its merge keys ({@code <<: *base}, {@code <<: [*a, *b]}) bring that no own key and
   * no earlier merged mapping already has.
   *
   * @throws IllegalArgumentException on a key that is not a scalar, a merge of anything but
   *     mappings, or merges nested deeper than 64
   */
  public static List<NodeTuple> entries(MappingNode mapping) {
    return entries(mapping, 0);
  }

  private static List<NodeTuple> entries(MappingNode mapping, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("the YAML is nested more than " + MAX_DEPTH + " levels deep");
    }
    List<NodeTuple> out = new ArrayList<>();
    java.util.Set<Object> keys = new java.util.HashSet<>();
    List<Node> merged = new ArrayList<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node key = tuple.getKeyNode();
      if (key.getTag().equals(Tag.MERGE)) {
        merged.add(tuple.getValueNode());
        continue;
      }
      if (!(key instanceof ScalarNode scalarKey)) {
        throw new IllegalArgumentException("line " + line(key) + ": a key that is not a scalar");
      }
      keys.add(scalar(scalarKey));
      out.add(tuple);
    }
    for (Node source : merged) {
      for (Node map : source instanceof SequenceNode s ? s.getValue() : List.of(source)) {
        if (!(map instanceof MappingNode m)) {
          throw new IllegalArgumentException("line " + line(map) + ": a merge key (<<) takes mappings");
        }
        for (NodeTuple tuple : entries(m, depth + 1)) {
          if (keys.add(scalar((ScalarNode) tuple.getKeyNode()))) {
            out.add(tuple);
          }
        }
      }
    }
    return out;
  }

  private static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  /**
   * A scalar's value: Integer, Long or BigInteger for {@code !!int}, Double for {@code !!float},
   * Boolean for {@code !!bool}, null for {@code !!null}, a {@link Timestamp} for
   * {@code !!timestamp}; the text for strings and any other tag.
   */
  public static Object scalar(ScalarNode node) {
    Tag tag = node.getTag();
    String text = node.getValue();
    if (tag.equals(Tag.STR)) {
      return text;
    }
    if (tag.equals(Tag.NULL)) {
      return null;
    }
    if (tag.equals(Tag.BOOL)) {
      return bool(text);
    }
    if (tag.equals(Tag.INT)) {
      return integer(text);
    }
    if (tag.equals(Tag.FLOAT)) {
      return decimal(text);
    }
    if (tag.equals(Tag.TIMESTAMP)) {
      return new Timestamp(text);
    }
    return text;
  }

  private static Boolean bool(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "yes", "true", "on":
        return Boolean.TRUE;
      case "no", "false", "off":
        return Boolean.FALSE;
      default:
        throw new IllegalArgumentException("'" + text + "' is not a YAML 1.1 boolean");
    }
  }

  /** A number's digits without its sign and YAML 1.1's underscores. */
  private static String unsigned(String text) {
    String digits = text.replace("_", "");
    return digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
  }

  /** YAML 1.1 integers: sign, underscores, 0b binary, 0x hex, 0 octal, 1:20 base 60. */
  private static Number integer(String text) {
    boolean negative = text.startsWith("-");
    String digits = unsigned(text);
    BigInteger value;
    if (digits.equals("0")) {
      value = BigInteger.ZERO;
    } else if (digits.startsWith("0b")) {
      value = new BigInteger(digits.substring(2), 2);
    } else if (digits.startsWith("0x")) {
      value = new BigInteger(digits.substring(2), 16);
    } else if (digits.startsWith("0")) {
      value = new BigInteger(digits.substring(1), 8);
    } else if (digits.indexOf(':') >= 0) {
      value = BigInteger.ZERO;
      for (String part : digits.split(":")) {
        value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
      }
    } else {
      value = new BigInteger(digits);
    }
    value = negative ? value.negate() : value;
    if (value.bitLength() < 32) {
      return value.intValue();
    }
    return value.bitLength() < 64 ? (Number) value.longValue() : value;
  }

  /** YAML 1.1 floats: sign, underscores, .inf, .nan, 1:20.5 base 60. */
  private static Double decimal(String text) {
    boolean negative = text.startsWith("-");
    String digits = unsigned(text);
    double value;
    String lower = digits.toLowerCase(Locale.ROOT);
    if (lower.equals(".inf")) {
      value = Double.POSITIVE_INFINITY;
    } else if (lower.equals(".nan")) {
      return Double.NaN;
    } else if (digits.indexOf(':') >= 0) {
      value = 0;
      for (String part : digits.split(":")) {
        value = value * 60 + Double.parseDouble(part);
      }
    } else {
      value = Double.parseDouble(digits);
    }
    return negative ? -value : value;
  }

  /**
   * A YAML 1.1 timestamp ({@code 2001-12-14}), kept as written: it equals no string, as a date
   * read by Puppet or Helm equals none.
   */
  public static final class Timestamp {
    private final String text;

    Timestamp(String text) {
      this.text = text;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Timestamp t && text.equals(t.text);
    }

    @Override
    public int hashCode() {
      return text.hashCode();
    }

    /** The timestamp as written. */
    @Override
    public String toString() {
      return text;
    }
  }
}
