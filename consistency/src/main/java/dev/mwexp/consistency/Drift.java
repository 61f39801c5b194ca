package dev.mwexp.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mwexp.format.yaml.YamlDocument;
import dev.mwexp.export.Artifacts;
import dev.mwexp.export.OutputDirectory;
import dev.mwexp.files.SafeTree;
import dev.mwexp.files.TreeException;
import dev.mwexp.format.UnifiedDiff;
import dev.mwexp.format.json.JsonTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Semantic drift between compiled artifacts and a tree on disk: YAML and JSON are compared key by
 * key (quoting, key order and comments do not count), other text as a unified diff. Files the tree
 * holds beyond the artifacts count only inside directories the artifacts write to.
 */
public final class Drift {

  private Drift() {}

  /**
   * Drift of one exporter's artifacts against a directory holding just that component: the
   * artifacts' common top directory ({@code k8s/}, {@code ats/}) is the directory itself.
   */
  public static List<Difference> ofComponent(Artifacts expected, Path dir) throws IOException {
    Set<String> tops = new TreeSet<>();
    expected.files().keySet().forEach(p -> tops.add(p.contains("/") ? p.substring(0, p.indexOf('/')) : ""));
    if (tops.size() != 1 || tops.contains("")) {
      return between(expected, dir);
    }
    String prefix = tops.iterator().next() + "/";
    Artifacts.Builder stripped = Artifacts.builder();
    expected.files().forEach((p, content) -> stripped.add(p.substring(prefix.length()), content));
    return between(stripped.build(), dir);
  }

  /**
   * Drift of {@code dir} from the artifacts. Only files inside {@code dir} are read and quoted: a
   * link out of it, a file that is not UTF-8 or too large is an UNREADABLE_FILE difference naming
   * the file, never showing what it points at.
   */
  public static List<Difference> between(Artifacts expected, Path dir) throws IOException {
    SafeTree tree;
    try {
      tree = SafeTree.at(dir);
    } catch (TreeException e) {
      throw new IOException(e.getMessage(), e);
    }
    List<Difference> out = new ArrayList<>();
    Set<String> dirs = new TreeSet<>();
    for (Map.Entry<String, String> file : expected.files().entrySet()) {
      String path = file.getKey();
      int slash = path.lastIndexOf('/');
      dirs.add(slash < 0 ? "" : path.substring(0, slash));
      Path actual = dir.resolve(path);
      if (!tree.exists(actual)) {
        out.add(Difference.builder().kind(Difference.Kind.MISSING_FILE).file(path).key("").expected("").actual("").build());
        continue;
      }
      String text;
      try {
        text = tree.read(actual);
      } catch (TreeException e) {
        out.add(Difference.builder().kind(Difference.Kind.UNREADABLE_FILE).file(path)
            .key(e.line() > 0 ? String.valueOf(e.line()) : "").expected("").actual(e.reason()).build());
        continue;
      }
      compare(path, file.getValue(), text, out);
    }
    for (String sub : dirs) {
      Path d = sub.isEmpty() ? dir : dir.resolve(sub);
      if (!tree.isDirectory(d)) {
        continue;
      }
      List<Path> entries;
      try {
        entries = tree.list(d);
      } catch (TreeException e) {
        out.add(Difference.builder().kind(Difference.Kind.UNREADABLE_FILE).file(sub).key("").expected("").actual(e.reason()).build());
        continue;
      }
      for (Path f : entries) {
        if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        String rel = dir.relativize(f).toString();
        if (!expected.files().containsKey(rel) && !rel.equals(OutputDirectory.MANIFEST) && !f.getFileName().toString().startsWith(".")) {
          out.add(Difference.builder().kind(Difference.Kind.UNEXPECTED_FILE).file(rel).key("").expected("").actual("").build());
        }
      }
    }
    return out;
  }

  private static void compare(String path, String expected, String actual, List<Difference> out) {
    if (expected.equals(actual)) {
      return;
    }
    try {
      if (path.endsWith(".yaml") || path.endsWith(".yml")) {
        compareTrees(path, flatten(yaml(path, expected)), flatten(yaml(path, actual)), out);
        return;
      }
      if (path.endsWith(".json")) {
        compareTrees(path, flatten(List.of(JsonTree.read(expected))), flatten(List.of(JsonTree.read(actual))), out);
        return;
      }
    } catch (IOException e) {
      // Not parseable: fall back to lines, which still shows the difference.
    }
    compareLines(path, expected, actual, out);
  }

  private static List<JsonNode> yaml(String path, String text) throws IOException {
    try {
      return YamlDocument.readAll(path, text).stream().map(YamlDocument::root).toList();
    } catch (RuntimeException e) {
      throw new IOException(path + " is not valid YAML", e);
    }
  }

  private static Map<String, String> flatten(List<JsonNode> documents) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < documents.size(); i++) {
      flatten(documents.size() == 1 ? "" : "[" + i + "]", documents.get(i), out);
    }
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject() && node.size() > 0) {
      node.fields().forEachRemaining(e -> flatten(prefix + "/" + YamlDocument.escape(e.getKey()), e.getValue(), out));
    } else if (node.isArray() && node.size() > 0) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "/" + i, node.get(i), out);
      }
    } else {
      out.put(prefix.isEmpty() ? "/" : prefix, text(node));
    }
  }

  /**
   * A leaf as JSON would write it, but a string unquoted. Not {@code toString()}, which starts
   * databind's object mapper for every number (issue 17).
   */
  private static String text(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isContainerNode()) {
      return node.isObject() ? "{}" : "[]";
    }
    return node.asText();
  }

  private static void compareTrees(String file, Map<String, String> expected, Map<String, String> actual, List<Difference> out) {
    Set<String> keys = new TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    for (String key : keys) {
      String e = expected.get(key);
      String a = actual.get(key);
      Difference.Kind kind =
          e == null ? Difference.Kind.UNEXPECTED_KEY : a == null ? Difference.Kind.MISSING_KEY
              : e.equals(a) ? null : Difference.Kind.CHANGED_VALUE;
      if (kind != null) {
        out.add(Difference.builder().kind(kind).file(file).key(key).expected(e == null ? "" : e).actual(a == null ? "" : a).build());
      }
    }
  }

  /** Text files differ as a whole, shown as a diff with context: a line's neighbours say where it belongs. */
  private static void compareLines(String file, String expected, String actual, List<Difference> out) {
    out.add(Difference.builder().kind(Difference.Kind.CHANGED_TEXT).file(file).key("").expected("").actual("")
        .diff(UnifiedDiff.of(file, Optional.of(actual), Optional.of(expected))).build());
  }
}
