package dev.mwexp.spec;

import dev.mwexp.format.yaml.YamlNodes;
import dev.mwexp.model.Setup;
import dev.mwexp.validation.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where each value of a spec comes from, as {@code puppet lookup --explain} says where hiera found
 * a key: the spec's file, line and column, or the default. Works on an invalid spec too: the
 * values are then the spec's own where it has them, and each problem is marked at its path.
 */
public final class Provenance {

  /** One value: its model path, its value as the canonical spec writes it, where it came from, problems there. */
  public record Entry(String path, String value, String source, List<String> problems) {}

  private Provenance() {}

  public static List<Entry> explain(String text, String origin) {
    Map<String, String> positions = new LinkedHashMap<>();
    Map<String, String> written = new LinkedHashMap<>();
    try {
      Node root = YamlNodes.composer(text, new LoaderOptions()).getSingleNode();
      if (root != null) {
        walk(root, "", origin, positions, written);
      }
    } catch (RuntimeException e) {
      // Not YAML at all: every value is the default, and the problem says why.
    }
    List<Problem> problems = new ArrayList<>();
    Setup setup;
    try {
      setup = Spec.parse(text, origin);
    } catch (SpecException e) {
      problems.addAll(e.problems());
      setup = Spec.defaultSetup();
    }
    Map<String, String> canonical = new LinkedHashMap<>();
    try {
      walk(YamlNodes.composer(Spec.write(setup), new LoaderOptions()).getSingleNode(), "", "", new LinkedHashMap<>(), canonical);
    } catch (RuntimeException e) {
      throw new IllegalStateException("the canonical spec does not parse", e);
    }
    // Values of an invalid spec: its own where it wrote them, so the problem's value shows.
    if (!problems.isEmpty()) {
      // Datacenters have no default: only those the spec wrote.
      canonical.keySet().removeIf(k -> k.startsWith("datacenters."));
      canonical.putAll(written);
    }
    List<Entry> out = new ArrayList<>();
    canonical.forEach((path, value) -> {
      List<String> here = new ArrayList<>();
      problems.stream().filter(p -> p.path().equals(path)).forEach(p -> here.add(p.message()));
      out.add(new Entry(path, value, Optional.ofNullable(positions.get(path)).orElse("default"), here));
    });
    // Problems of paths the model has no value for (unknown keys, the document itself).
    for (Problem p : problems) {
      if (!canonical.containsKey(p.path())) {
        out.add(new Entry(p.path().isEmpty() ? "(document)" : p.path(), "",
            p.position().map(at -> at.format()).orElse(positions.getOrDefault(p.path(), origin)), List.of(p.message())));
      }
    }
    return out;
  }

  /** Every leaf, by model path ({@code datacenters.eqiad.hosts[0]}), with its position and text. */
  private static void walk(Node node, String path, String origin, Map<String, String> positions, Map<String, String> values) {
    if (!origin.isEmpty()) {
      positions.put(path, origin + ":" + (node.getStartMark().getLine() + 1) + ":" + (node.getStartMark().getColumn() + 1));
    }
    if (node instanceof MappingNode m) {
      if (m.getValue().isEmpty()) {
        values.put(path, "{}");
      }
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode key) {
          walk(t.getValueNode(), path.isEmpty() ? key.getValue() : path + "." + key.getValue(), origin, positions, values);
        }
      }
    } else if (node instanceof SequenceNode s) {
      if (s.getValue().isEmpty()) {
        values.put(path, "[]");
      }
      for (int i = 0; i < s.getValue().size(); i++) {
        walk(s.getValue().get(i), path + "[" + i + "]", origin, positions, values);
      }
    } else if (node instanceof ScalarNode scalar) {
      values.put(path, scalar.getValue());
    }
  }

  /** {@code path = value    # source}, and {@code !! problem} lines: one entry a line, inert. */
  public static String format(List<Entry> entries) {
    int width = entries.stream().mapToInt(e -> e.path().length() + e.value().length() + 3).max().orElse(0);
    StringBuilder out = new StringBuilder();
    for (Entry e : entries) {
      String left = e.path() + (e.value().isEmpty() ? "" : " = " + e.value());
      out.append(dev.mwexp.files.Inert.text(left)).append(" ".repeat(Math.max(1, width - left.length() + 2)))
          .append("# ").append(dev.mwexp.files.Inert.text(e.source())).append('\n');
      for (String p : e.problems()) {
        out.append("  !! ").append(dev.mwexp.files.Inert.text(p)).append('\n');
      }
    }
    return out.toString();
  }
}
