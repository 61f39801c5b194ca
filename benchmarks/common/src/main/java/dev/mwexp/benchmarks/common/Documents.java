package dev.mwexp.benchmarks.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The fairness check: a peer counts only if it writes the same files as mwexp, each holding the
 * same documents once parsed (so quoting, key order and indentation may differ, values may not);
 * other files (Lua, zone files) must be the same text.
 */
public final class Documents {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Documents() {}

  /** Whether mwexp writes {@code path} as YAML or JSON, which are compared as documents. */
  public static boolean isYaml(String path) {
    return path.endsWith(".yaml") || path.endsWith(".json");
  }

  /** The YAML documents of one file (JSON is YAML too). */
  public static List<JsonNode> parse(String text) {
    try {
      return YAML.readValues(YAML.createParser(text), JsonNode.class).readAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails, naming the first file that differs and both texts, unless {@code theirs} is {@code ours}. */
  public static void assertSame(String peer, Map<String, String> ours, Map<String, String> theirs) {
    if (!ours.keySet().equals(theirs.keySet())) {
      throw new IllegalStateException(peer + " writes other files than mwexp: " + theirs.keySet() + " vs " + ours.keySet());
    }
    for (Map.Entry<String, String> file : ours.entrySet()) {
      String path = file.getKey();
      String other = theirs.get(path);
      boolean same = isYaml(path) ? parse(file.getValue()).equals(parse(other)) : file.getValue().equals(other);
      if (!same) {
        throw new IllegalStateException(peer + " differs from mwexp in " + path + ":\n" + file.getValue()
            + "\n--- " + peer + ":\n" + other);
      }
    }
  }
}
