package dev.mwexp.format.yaml;

import dev.mwexp.format.Lines;
import dev.mwexp.fragment.MergeConflict;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Sets and removes keys of a block-style YAML mapping by splicing whole entries, so comments,
 * order, quoting and every entry it does not manage stay byte for byte. An entry whose value
 * already equals the wanted one (as YAML 1.1 reads both) is left as written. Entries it writes are
 * indented like their siblings; no document marker is added.
 */
public final class YamlEditor {

  private YamlEditor() {}

  public static String apply(String source, YamlKeys merge) throws MergeConflict {
    Optional<String> whole = intoNoValues(source, merge);
    return whole.isPresent() ? whole.get() : keyByKey(source, merge);
  }

  /** Each key set, then each removed, in the file as it is after the one before. */
  static String keyByKey(String source, YamlKeys merge) throws MergeConflict {
    Composed composed = new Composed();
    String text = source;
    for (Map.Entry<List<String>, Object> set : merge.set().entrySet()) {
      text = set(text, composed.root(text), set.getKey(), set.getValue());
    }
    for (List<String> path : merge.removed()) {
      text = remove(text, composed.root(text), path);
    }
    return text;
  }

  /**
   * The keys set into a file that holds no values yet (a seed of comments, as compile's files
   * and sync's new host files start): the entries appended as one rendering of the keys merged
   * into one tree, which is what setting them one by one writes (YamlEditorTest holds the two
   * equal), without composing the file again after each. Empty, for the key-by-key edit, when
   * the file holds anything else, a key descends through a value that is not a mapping, or a
   * removal touches a key being set.
   */
  private static Optional<String> intoNoValues(String source, YamlKeys merge) {
    // Not isEmpty(), which also passes a '---' line: that makes the file a null document, which
    // the key-by-key edit refuses as no block mapping.
    for (String line : source.split("\n", -1)) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        return Optional.empty();
      }
    }
    Map<String, Object> tree = new LinkedHashMap<>();
    for (Map.Entry<List<String>, Object> set : merge.set().entrySet()) {
      if (!put(tree, set.getKey(), set.getValue())) {
        return Optional.empty();
      }
    }
    for (List<String> removed : merge.removed()) {
      for (List<String> set : merge.set().keySet()) {
        int common = Math.min(removed.size(), set.size());
        if (removed.subList(0, common).equals(set.subList(0, common))) {
          return Optional.empty();
        }
      }
    }
    StringBuilder out = new StringBuilder();
    if (!tree.isEmpty() && !source.isEmpty() && !source.endsWith("\n")) {
      out.append('\n');
    }
    for (Map.Entry<String, Object> entry : tree.entrySet()) {
      out.append(render(entry.getKey(), entry.getValue(), ""));
    }
    return Optional.of(source + endings(source, out.toString()));
  }

  /**
   * Sets {@code path} in {@code tree}, as the key-by-key edit would: a mapping on the way is
   * copied before it is changed (it may be a caller's value), and null or an empty mapping
   * gives way to one; false for any other value on the way.
   */
  @SuppressWarnings("unchecked")
  private static boolean put(Map<String, Object> tree, List<String> path, Object value) {
    Map<String, Object> at = tree;
    for (String key : path.subList(0, path.size() - 1)) {
      Object next = at.get(key);
      if (next != null && !(next instanceof Map<?, ?>)) {
        return false;
      }
      Map<String, Object> child = next == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) next);
      at.put(key, child);
      at = child;
    }
    String last = path.get(path.size() - 1);
    // As the edit leaves a value equal as YAML reads it as first written.
    if (!at.containsKey(last) || !equal(normalize(at.get(last)), normalize(value))) {
      at.put(last, value);
    }
    return true;
  }

  /**
   * The text's top mapping, composed again only when an edit changed the text: a file already
   * in line with its keys, the usual case of sync and check, is composed once, not once per key.
   */
  private static final class Composed {
    private String text;
    private MappingNode root;

    MappingNode root(String current) throws MergeConflict {
      if (!current.equals(text)) {
        root = YamlEditor.root(current);
        text = current;
      }
      return root;
    }
  }

  /** The file's value at {@code path}, as YAML 1.1 reads it; empty when absent. */
  public static Optional<Object> get(String source, List<String> path) throws MergeConflict {
    Object current = load(source);
    for (String segment : path) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(segment)) {
        return Optional.empty();
      }
      current = map.get(segment);
    }
    return Optional.ofNullable(normalize(current)).or(() -> Optional.of(NULL));
  }

  /**
   * Whether the file's top mapping has {@code key}, however it is quoted, as YAML 1.1 reads it; a
   * file that is not YAML has none (it is not known to be anyone's, so it is left alone).
   */
  public static boolean hasTopKey(String source, String key) {
    // A key is spelt without its own characters only through a double-quoted escape: a file with
    // neither is answered without a parse (sync and check ask this of every host file).
    if (!source.contains(key) && source.indexOf('\\') < 0) {
      return false;
    }
    try {
      return get(source, List.of(key)).isPresent();
    } catch (MergeConflict e) {
      return false;
    }
  }

  /** Stands for YAML's null in {@link #get}, which an empty Optional cannot. */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "~";
    }
  };

  /** Whether nothing but comments and blank lines is left. */
  public static boolean isEmpty(String source) {
    return source.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#") || l.strip().equals("---"));
  }

  // ---- set ----

  private static String set(String text, MappingNode mapping, List<String> path, Object value) throws MergeConflict {
    Block block = new Block(0, documentEnd(text, mapping), mapping);
    // Only an anchor (&name) lets two places reach one node: without one, nothing is walked.
    Sharing sharing = text.indexOf('&') < 0 ? Sharing.of(null) : Sharing.of(mapping);
    for (int i = 0; i < path.size(); i++) {
      String key = path.get(i);
      Optional<Entry> entry = block.entry(text, key);
      boolean last = i == path.size() - 1;
      if (entry.isEmpty()) {
        Object rest = nest(path.subList(i + 1, path.size()), value);
        Object merged = block.node == null ? null : mergedValue(block.node, key);
        if (!last && merged instanceof Map<?, ?> m) {
          // The key comes through a merge (<<: *defaults): an explicit key replaces all of it, so
          // it is written out whole with mwexp's change, and every other value stays what it was.
          Map<String, Object> copy = copy(m);
          put(copy, path.subList(i + 1, path.size()), value);
          rest = copy;
        }
        return insert(text, block, key, rest);
      }
      Entry e = entry.get();
      if (last) {
        Object current = normalize(value(e));
        if (equal(current, normalize(value))) {
          return text;
        }
        sharing.refuseShared(text, e, key);
        return text.substring(0, e.from) + endings(text, render(key, value, e.indent)) + text.substring(e.to);
      }
      boolean alias = YamlNodes.at(text, e.value.getStartMark()) < e.from || YamlNodes.at(text, e.value.getStartMark()) >= e.to;
      if (alias && e.value instanceof MappingNode) {
        // mwexp's own key holds an alias (key: *defaults): it gets its own copy, with the change,
        // rather than an edit of the anchor that other keys reach.
        Object current = value(e);
        Map<String, Object> copy = copy((Map<?, ?>) current);
        put(copy, path.subList(i + 1, path.size()), value);
        if (equal(normalize(current), normalize(copy))) {
          return text;
        }
        return text.substring(0, e.from) + endings(text, render(key, copy, e.indent)) + text.substring(e.to);
      }
      if (!(e.value instanceof MappingNode child) || child.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
        Object current = value(e);
        if (current != null && !(current instanceof Map<?, ?> cm && cm.isEmpty())) {
          throw new MergeConflict(e.line, key + " is not a block mapping here; mwexp sets "
              + String.join(".", path) + " inside it; write it as a block mapping");
        }
        Object rest = nest(path.subList(i + 1, path.size()), value);
        return text.substring(0, e.from) + endings(text, render(key, rest, e.indent)) + text.substring(e.to);
      }
      sharing.refuseSharedNode(child, key);
      block = new Block(Lines.end(text, e.from), e.to, child);
    }
    return text;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v instanceof Map<?, ?> child ? copy(child) : v));
    return out;
  }

  /** The value {@code key} gets through the mapping's merge keys only; null when none gives it. */
  private static Object mergedValue(MappingNode node, String key) throws MergeConflict {
    boolean merges = node.getValue().stream()
        .anyMatch(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("<<"));
    if (!merges) {
      return null;
    }
    Object all;
    try {
      all = YamlValues.of(node);
    } catch (RuntimeException e) {
      throw notYaml(e);
    }
    return all instanceof Map<?, ?> m ? m.get(key) : null;
  }

  /**
   * Which nodes of the document more than one place reaches (an anchor and its aliases): an edit
   * of such a node, or inside it, would change another key's value too.
   */
  private static final class Sharing {
    private final java.util.IdentityHashMap<Node, Integer> uses = new java.util.IdentityHashMap<>();
    private final java.util.IdentityHashMap<Node, Integer> aliasLine = new java.util.IdentityHashMap<>();

    static Sharing of(Node root) {
      Sharing s = new Sharing();
      if (root != null) {
        s.count(root, 0);
      }
      return s;
    }

    private void count(Node node, int depth) {
      int n = uses.merge(node, 1, Integer::sum);
      if (n > 1 || depth > YamlValues.MAX_DEPTH) {
        return; // visited already: its children were counted the first time
      }
      if (node instanceof MappingNode m) {
        for (NodeTuple t : m.getValue()) {
          count(t.getKeyNode(), depth + 1);
          noteAlias(t.getValueNode(), t.getKeyNode());
          count(t.getValueNode(), depth + 1);
        }
      } else if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode seq) {
        seq.getValue().forEach(child -> count(child, depth + 1));
      }
    }

    private void noteAlias(Node value, Node key) {
      if (uses.containsKey(value)) {
        aliasLine.putIfAbsent(value, key.getStartMark().getLine() + 1);
      }
    }

    /** A conflict when the entry's value, or anything in it, is reached from elsewhere too. */
    void refuseShared(String text, Entry e, String key) throws MergeConflict {
      boolean alias = YamlNodes.at(text, e.value.getStartMark()) < e.from || YamlNodes.at(text, e.value.getStartMark()) >= e.to;
      if (alias) {
        return; // key: *anchor — replacing the alias changes only this key
      }
      refuseSharedTree(e.value, key, new java.util.IdentityHashMap<>());
    }

    private void refuseSharedTree(Node node, String key, java.util.IdentityHashMap<Node, Boolean> seen)
        throws MergeConflict {
      if (seen.put(node, Boolean.TRUE) != null) {
        return;
      }
      refuseSharedNode(node, key);
      if (node instanceof MappingNode m) {
        for (NodeTuple t : m.getValue()) {
          refuseSharedTree(t.getValueNode(), key, seen);
        }
      } else if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode seq) {
        for (Node child : seq.getValue()) {
          refuseSharedTree(child, key, seen);
        }
      }
    }

    void refuseSharedNode(Node node, String key) throws MergeConflict {
      if (uses.getOrDefault(node, 0) > 1) {
        throw new MergeConflict(node.getStartMark().getLine() + 1, key + " holds an anchor (&" + node.getAnchor()
            + ") that line " + aliasLine.getOrDefault(node, 0) + " reuses; changing it would change that key too."
            + " Give mwexp's key its own value, without the anchor, by hand");
      }
    }
  }

  /**
   * Where the top mapping's document ends: before a {@code ...} or {@code ---} line at column 0
   * after it, else at the end of the text; keys are never added after a document marker.
   */
  private static int documentEnd(String text, MappingNode mapping) {
    if (mapping == null) {
      return text.length();
    }
    int from = YamlNodes.at(text, mapping.getEndMark());
    int at = Lines.start(text, Math.min(from, text.length()));
    for (int i = at; i < text.length(); i = Lines.end(text, i)) {
      if (text.startsWith("...", i) || text.startsWith("---", i)) {
        return i;
      }
      if (Lines.end(text, i) == i) {
        break;
      }
    }
    return text.length();
  }

  private static Object nest(List<String> path, Object value) {
    Object v = value;
    for (int i = path.size() - 1; i >= 0; i--) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(path.get(i), v);
      v = m;
    }
    return v;
  }

  private static String insert(String text, Block block, String key, Object value) {
    List<Entry> entries = block.entries(text);
    String indent;
    int at;
    if (entries.isEmpty()) {
      indent = block.from == 0 ? "" : childIndent(text, block.from);
      at = block.to;
    } else {
      Entry last = entries.get(entries.size() - 1);
      indent = last.indent;
      at = last.to;
    }
    String prefix = at > 0 && text.charAt(at - 1) != '\n' ? "\n" : "";
    return text.substring(0, at) + endings(text, prefix + render(key, value, indent)) + text.substring(at);
  }

  /** The indentation children of the entry ending its key line just before {@code from} get. */
  private static String childIndent(String text, int from) {
    return Lines.indent(text, Math.max(0, from - 1)) + "  ";
  }

  // ---- remove ----

  private static String remove(String text, MappingNode mapping, List<String> path) throws MergeConflict {
    Block block = new Block(0, text.length(), mapping);
    List<Entry> chain = new ArrayList<>();
    for (String key : path) {
      Optional<Entry> entry = block == null ? Optional.empty() : block.entry(text, key);
      if (entry.isEmpty()) {
        return text;
      }
      chain.add(entry.get());
      Entry e = entry.get();
      block = e.value instanceof MappingNode child && child.getFlowStyle() != DumperOptions.FlowStyle.FLOW
          ? new Block(Lines.end(text, e.from), e.to, child) : null;
    }
    // Remove the entry, and each parent it leaves empty.
    Entry target = chain.get(chain.size() - 1);
    for (int i = chain.size() - 2; i >= 0; i--) {
      Entry parent = chain.get(i);
      MappingNode value = (MappingNode) parent.value;
      if (value.getValue().size() == 1 && isEmpty(text.substring(Lines.end(text, parent.from), parent.to)
          .replace(text.substring(target.from, target.to), ""))) {
        target = parent;
      } else {
        break;
      }
    }
    return text.substring(0, target.from) + text.substring(target.to);
  }

  // ---- structure ----

  /** One entry of a block mapping: its lines [from, to), its key's indent and line, its value node. */
  private record Entry(int from, int to, String indent, int line, Node value) {}

  /** A block mapping's lines [from, to) and its node. */
  private record Block(int from, int to, MappingNode node) {

    List<Entry> entries(String text) {
      List<Entry> out = new ArrayList<>();
      if (node == null) {
        return out;
      }
      List<NodeTuple> tuples = node.getValue();
      for (int i = 0; i < tuples.size(); i++) {
        Node key = tuples.get(i).getKeyNode();
        int start = Lines.start(text, YamlNodes.at(text, key.getStartMark()));
        int end = i + 1 < tuples.size() ? Lines.start(text, YamlNodes.at(text, tuples.get(i + 1).getKeyNode().getStartMark())) : to;
        end = trimTrailing(text, start, end);
        out.add(new Entry(start, end, Lines.indent(text, start), key.getStartMark().getLine() + 1, tuples.get(i).getValueNode()));
      }
      return out;
    }

    Optional<Entry> entry(String text, String key) throws MergeConflict {
      List<Entry> all = entries(text);
      Entry found = null;
      for (int i = 0; i < all.size(); i++) {
        Node k = node.getValue().get(i).getKeyNode();
        if (k instanceof ScalarNode s && s.getValue().equals(key)) {
          if (found != null) {
            throw new MergeConflict(all.get(i).line, key + " is set twice in one mapping");
          }
          found = all.get(i);
        }
      }
      return Optional.ofNullable(found);
    }
  }

  /** Comments and blank lines at an entry's end belong to what follows it. */
  private static int trimTrailing(String text, int start, int end) {
    int e = end;
    while (e > start) {
      int lineStart = Lines.start(text, e - 1 < start ? start : e - 1);
      if (lineStart <= start) {
        break;
      }
      String line = text.substring(lineStart, e).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        e = lineStart;
      } else {
        break;
      }
    }
    return e;
  }

  private static MappingNode root(String text) throws MergeConflict {
    Node node;
    try {
      node = YamlNodes.composer(text, options()).getSingleNode();
    } catch (RuntimeException e) {
      throw notYaml(e);
    }
    if (node == null) {
      return null;
    }
    if (!(node instanceof MappingNode m) || m.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
      throw new MergeConflict(node.getStartMark().getLine() + 1, "is not a block mapping at its top");
    }
    return m;
  }

  /** An entry's value, as YAML 1.1 reads it, from the node already composed. */
  private static Object value(Entry e) throws MergeConflict {
    try {
      return YamlValues.of(e.value);
    } catch (RuntimeException ex) {
      throw notYaml(ex);
    }
  }

  /** The text's value, as YAML 1.1 reads it ({@link YamlValues}). */
  private static Object load(String text) throws MergeConflict {
    try {
      return YamlValues.of(YamlNodes.composer(text, options()).getSingleNode());
    } catch (RuntimeException e) {
      throw notYaml(e);
    }
  }

  /** The line SnakeYAML marks (1-based), and its first message line. */
  private static MergeConflict notYaml(RuntimeException e) {
    int line = e instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblemMark() != null
        ? marked.getProblemMark().getLine() + 1 : 0;
    String message = e instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblem() != null
        ? marked.getProblem() : String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    return new MergeConflict(line, "is not YAML: " + message);
  }

  private static LoaderOptions options() {
    // Keys given twice are refused by YamlValues (the composer itself allows them).
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50);
    return options;
  }

  /** Text mwexp writes, in the file's own line endings: CRLF where the file's first line ends so. */
  private static String endings(String file, String written) {
    int nl = file.indexOf('\n');
    return nl > 0 && file.charAt(nl - 1) == '\r' ? written.replace("\n", "\r\n") : written;
  }

  /** {@code key: value} as block YAML at {@code indent}, ending in a newline; nulls written {@code ~}. */
  static String render(String key, Object value, String indent) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put(key, value);
    StringBuilder out = new StringBuilder();
    for (String line : YamlText.write(doc).split("\n")) {
      String l = line.endsWith(": null") ? line.substring(0, line.length() - 4) + "~"
          : line.strip().equals("- null") ? line.substring(0, line.length() - 4) + "~" : line;
      out.append(indent).append(l).append('\n');
    }
    return out.toString();
  }

  /** Numbers as BigDecimal, maps and lists recursively, so YAML's and Java's values compare. */
  static Object normalize(Object v) {
    if (v instanceof Integer || v instanceof Long || v instanceof BigInteger || v instanceof Short) {
      return new BigDecimal(v.toString());
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      // .inf and .nan have no decimal; they stay doubles, equal to no value mwexp writes.
      return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros() : (Object) d;
    }
    if (v instanceof BigDecimal d) {
      return d.stripTrailingZeros().scale() <= 0 ? new BigDecimal(d.toBigInteger()) : d.stripTrailingZeros();
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k, normalize(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(YamlEditor::normalize).toList();
    }
    return v;
  }

  private static boolean equal(Object a, Object b) {
    return java.util.Objects.equals(a, b);
  }
}
