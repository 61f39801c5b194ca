package dev.mwexp.spec;

import dev.mwexp.format.yaml.YamlNodes;
import dev.mwexp.model.ImmutableCodeRefresh;
import dev.mwexp.model.ImmutableDebugRouting;
import dev.mwexp.model.ImmutableDeployers;
import dev.mwexp.model.ImmutableScheduling;
import dev.mwexp.model.ImmutableService;
import dev.mwexp.model.ImmutableSetup;
import dev.mwexp.model.Service;
import dev.mwexp.model.Setup;
import dev.mwexp.validation.Problem;
import dev.mwexp.validation.Problem.Kind;
import dev.mwexp.validation.SourcePosition;
import dev.mwexp.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Binds spec YAML to a {@link Setup}. It works on SnakeYAML's node graph, which keeps a position
 * for every key and value, so every problem — of binding here or of validation later — can name
 * the line and column it is about. Values are never constructed by SnakeYAML: only text is read.
 *
 * <p>This class composes the document within its limits, reads a mapping's keys ({@link Fields})
 * and keeps the problems with their positions; each section is bound by a class of its own
 * ({@link ServiceBinder}, {@link SchedulingBinder}, {@link DatacenterBinder}, …).
 */
final class SpecBinder {

  private static final int MAX_ALIASES = 50;
  private static final int MAX_DEPTH = 64;
  /** Aliases can make a small file expand; nothing legitimate gets near this. */
  private static final int MAX_NODES = 100_000;

  static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,9})");
  private static final Set<Tag> SCALAR_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);

  private final String origin;
  /** Whether paths' positions are noted, for {@link #locate}: only once a problem is known. */
  private final boolean locating;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, SourcePosition> positions = new HashMap<>();
  private int nodes;

  private SpecBinder(String origin, boolean locating) {
    this.origin = origin;
    this.locating = locating;
  }

  static Setup bind(String text, String origin) throws SpecException {
    SpecBinder binder = new SpecBinder(origin, false);
    Node root = binder.compose(text);
    Setup setup = bindGuarded(binder, root);
    List<Problem> validation = Validator.validate(setup);
    if (binder.problems.isEmpty() && validation.isEmpty()) {
      Validator.accepted(setup);
      return setup;
    }
    // A spec with problems is bound again, noting where every path is, to place them: binding
    // is deterministic, and a valid spec never pays for a path string per value.
    binder = new SpecBinder(origin, true);
    bindGuarded(binder, root);
    List<Problem> all = new ArrayList<>(binder.problems);
    for (Problem p : validation) {
      if (!binder.alreadyReported(p)) {
        all.add(p.at(binder.locate(p.path())));
      }
    }
    all.sort(
        Comparator.comparingInt((Problem p) -> p.position().map(SourcePosition::line).orElse(0))
            .thenComparingInt(p -> p.position().map(SourcePosition::column).orElse(0)));
    throw new SpecException(all);
  }

  // ---- YAML ----

  private Node compose(String text) throws SpecException {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit((int) Spec.MAX_BYTES);
    YamlNodes.Documents documents = YamlNodes.composer(text, options);
    try {
      if (!documents.checkNode()) {
        throw fatal(Kind.MISSING, 1, 1, "the spec is empty", "a YAML mapping, at least 'datacenters:'");
      }
      Node root = documents.getNode();
      if (documents.checkNode()) {
        Mark mark = documents.getNode().getStartMark();
        throw fatal(
            Kind.SYNTAX,
            mark.getLine() + 1,
            mark.getColumn() + 1,
            "a second YAML document starts here",
            "one document per spec file");
      }
      return root;
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      if (e.getContext() != null) {
        Mark context = e.getContextMark();
        boolean elsewhere = context != null && mark != null && context.getLine() != mark.getLine();
        what = e.getContext()
            + (elsewhere ? " (from line " + (context.getLine() + 1) + ", column " + (context.getColumn() + 1) + ")" : "")
            + ": " + what;
      }
      throw fatal(
          Kind.SYNTAX,
          mark == null ? 1 : mark.getLine() + 1,
          mark == null ? 1 : mark.getColumn() + 1,
          "malformed YAML: " + oneLine(what),
          "well-formed YAML");
    } catch (YAMLException e) {
      String message = oneLine(String.valueOf(e.getMessage()));
      if (message.contains("aliases")) {
        throw fatal(Kind.LIMIT, 1, 1, "too many YAML aliases: " + message, "at most " + MAX_ALIASES + " aliases");
      }
      if (message.contains("Nesting Depth")) {
        throw fatal(Kind.LIMIT, 1, 1, "the YAML is nested too deeply", "at most " + MAX_DEPTH + " levels");
      }
      if (message.contains("exceeds the limit")) {
        throw fatal(Kind.LIMIT, 1, 1, "the spec is too large: " + message, "at most " + Spec.MAX_BYTES + " bytes");
      }
      throw fatal(Kind.SYNTAX, 1, 1, "malformed YAML: " + message, "well-formed YAML");
    }
  }

  private SpecException fatal(Kind kind, int line, int column, String message, String expected) {
    return new SpecException(
        List.of(Problem.of(kind, "", message, expected).at(SourcePosition.of(origin, line, column))));
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s*\\n\\s*", " ").trim();
  }

  // ---- the spec ----

  private Setup setup(Node root) throws SpecException {
    if (!(root instanceof MappingNode)) {
      Mark mark = root.getStartMark();
      throw fatal(
          Kind.WRONG_TYPE,
          mark.getLine() + 1,
          mark.getColumn() + 1,
          "the spec is " + describe(root) + ", not a mapping",
          "a YAML mapping with keys such as service: and datacenters:");
    }
    Fields top = new Fields("", (MappingNode) root);
    ImmutableSetup.Builder setup = ImmutableSetup.builder();
    Service service =
        top.mapping("service").map(new ServiceBinder(this)::service).orElse(ImmutableService.builder().build());
    setup.service(service);
    setup.scheduling(
        top.mapping("scheduling").map(new SchedulingBinder(this)::scheduling).orElse(ImmutableScheduling.builder().build()));
    setup.deployers(
        top.mapping("deployers").map(new DeployersBinder()::deployers).orElse(ImmutableDeployers.builder().build()));
    setup.codeRefresh(
        top.mapping("codeRefresh").map(new CodeRefreshBinder()::codeRefresh).orElse(ImmutableCodeRefresh.builder().build()));
    setup.debugRouting(
        top.mapping("debugRouting").map(new DebugRoutingBinder(this)::debugRouting).orElse(ImmutableDebugRouting.builder().build()));
    top.string("hostDomain").ifPresent(setup::hostDomain);
    Optional<Fields> dcs = top.mapping("datacenters");
    if (dcs.isPresent()) {
      List<Map.Entry<String, NodeTuple>> entries = new java.util.ArrayList<>(dcs.get().entries());
      for (int i = 0; i < entries.size(); i++) {
        Map.Entry<String, NodeTuple> entry = entries.get(i);
        String path = "datacenters." + entry.getKey();
        Node value = entry.getValue().getValueNode();
        // A datacenter's own key one level too far out ("hosts:" beside "esams:"): say so, once.
        Map.Entry<String, NodeTuple> next = i + 1 < entries.size() ? entries.get(i + 1) : null;
        boolean emptyBeforeMisplaced = isNull(value) && next != null && DATACENTER_KEYS.contains(next.getKey());
        if (emptyBeforeMisplaced) {
          continue;
        }
        if (DATACENTER_KEYS.contains(entry.getKey()) && !(value instanceof MappingNode)) {
          String owner = i > 0 ? entries.get(i - 1).getKey() : "a datacenter";
          problem(Kind.WRONG_TYPE, path, entry.getValue().getKeyNode(), "'" + entry.getKey()
                  + "' is at the level of the datacenters; indent it under " + owner + ":?",
              "  " + entry.getKey() + ": indented two more spaces, inside " + owner);
          continue;
        }
        mappingValue(path, value)
            .ifPresent(fields -> setup.addDatacenters(
                new DatacenterBinder(this).datacenter(entry.getKey(), fields, service)));
      }
    } else if (!top.has("datacenters")) {
      problem(Kind.MISSING, "datacenters", root, "the spec has no datacenters", "datacenters: with at least one datacenter and host");
    }
    top.finish();
    return setup.build();
  }

  // ---- values ----

  /** The keys of a datacenter's own mapping. */
  static final java.util.Set<String> DATACENTER_KEYS = java.util.Set.of("hosts", "cname");

  static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
  }

  Optional<Fields> mappingValue(String path, Node node) {
    if (node instanceof MappingNode mapping) {
      return Optional.of(new Fields(path, mapping));
    }
    wrongType(path, node, "a mapping");
    return Optional.empty();
  }

  Optional<String> scalarText(String path, Node node) {
    if (node instanceof ScalarNode scalar && SCALAR_TAGS.contains(scalar.getTag())) {
      if (scalar.getTag().equals(Tag.NULL)) {
        problem(Kind.WRONG_TYPE, path, node, "no value given", "a value");
        return Optional.empty();
      }
      return Optional.of(scalar.getValue());
    }
    wrongType(path, node, "a string");
    return Optional.empty();
  }

  void wrongType(String path, Node node, String expected) {
    problem(Kind.WRONG_TYPE, path, node, "wrong type: " + describe(node), expected);
  }

  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode scalar = (ScalarNode) node;
    Tag tag = scalar.getTag();
    if (!SCALAR_TAGS.contains(tag)) {
      return "a value with YAML tag " + tag.getValue();
    }
    if (tag.equals(Tag.NULL)) {
      return "nothing (null)";
    }
    String kind = scalar.isPlain() ? tag.getValue().replace(Tag.PREFIX, "") : "quoted string";
    return "'" + abbreviate(scalar.getValue()) + "' (" + kind + ")";
  }

  static String abbreviate(String s) {
    String flat = s.replace("\n", "\\n");
    return flat.length() > 60 ? flat.substring(0, 60) + "…" : flat;
  }

  void problem(Kind kind, String path, Node node, String message, String expected) {
    SourcePosition at = node != null ? position(node) : locate(path);
    problems.add(Problem.of(kind, path, message, expected).at(at));
  }

  SourcePosition position(Node node) {
    Mark mark = node.getStartMark();
    return SourcePosition.of(origin, mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** The position recorded for the path or, failing that, its nearest ancestor's. */
  SourcePosition locate(String path) {
    String p = path;
    while (true) {
      SourcePosition at = positions.get(p);
      if (at != null) {
        return at;
      }
      if (p.isEmpty()) {
        return SourcePosition.of(origin, 1, 1);
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
  }

  /** Validation is not repeated where binding already failed: its value there was a stand-in. */
  private boolean alreadyReported(Problem problem) {
    String path = problem.path();
    for (Problem p : problems) {
      String reported = p.path();
      if (path.equals(reported) || isBelow(path, reported)) {
        return true;
      }
      // A list is empty because its only items could not be read: the items are what to fix.
      if (problem.kind() == Kind.MISSING && isBelow(reported, path)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBelow(String path, String ancestor) {
    return path.startsWith(ancestor + ".") || path.startsWith(ancestor + "[");
  }

  private void count(Node node) {
    if (++nodes > MAX_NODES) {
      throw new LimitExceeded(node);
    }
  }

  /** Thrown through the binding when aliases expand the document past {@link #MAX_NODES}. */
  private static final class LimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Node node;

    LimitExceeded(Node node) {
      super(null, null, false, false);
      this.node = node;
    }
  }

  /** Binds, turning alias expansion past {@link #MAX_NODES} into a typed problem. */
  private static Setup bindGuarded(SpecBinder binder, Node root) throws SpecException {
    try {
      return binder.setup(root);
    } catch (LimitExceeded e) {
      Mark mark = e.node.getStartMark();
      throw binder.fatal(
          Kind.LIMIT,
          mark.getLine() + 1,
          mark.getColumn() + 1,
          "the spec expands to more than " + MAX_NODES + " values through YAML aliases",
          "a spec without alias bombs");
    }
  }

  /** The keys of one mapping, read once each; unread keys are reported as unknown. */
  final class Fields {
    final String path;
    final MappingNode node;
    private final Map<String, NodeTuple> byKey = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    Fields(String path, MappingNode node) {
      this.path = path;
      this.node = node;
      count(node);
      if (locating) {
        positions.putIfAbsent(path, position(node));
      }
      for (NodeTuple tuple : node.getValue()) {
        Node key = tuple.getKeyNode();
        count(key);
        if (!(key instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
          problem(Kind.WRONG_TYPE, path, key, "a key is " + describe(key), "plain string keys");
          continue;
        }
        String name = scalar.getValue();
        if (byKey.containsKey(name)) {
          problem(
              Kind.DUPLICATE_KEY,
              path(name),
              key,
              "key '" + name + "' appears twice" + (path.isEmpty() ? "" : " in " + path),
              "each key once (YAML loaders disagree on which one wins)");
        } else {
          byKey.put(name, tuple);
        }
      }
    }

    String path(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
      return byKey.containsKey(key);
    }

    List<Map.Entry<String, NodeTuple>> entries() {
      known.addAll(byKey.keySet());
      // An entry whose key is data (a datacenter, an ini directive) is located by its key.
      for (Map.Entry<String, NodeTuple> e : locating ? byKey.entrySet() : List.<Map.Entry<String, NodeTuple>>of()) {
        positions.put(path(e.getKey()), position(e.getValue().getKeyNode()));
      }
      return List.copyOf(byKey.entrySet());
    }

    Optional<Node> get(String key) {
      known.add(key);
      NodeTuple tuple = byKey.get(key);
      if (tuple == null) {
        return Optional.empty();
      }
      Node value = tuple.getValueNode();
      count(value);
      if (locating) {
        positions.put(path(key), position(value));
      }
      return Optional.of(value);
    }

    // The readers below test the node in plain code rather than through Optional.flatMap: on
    // Java 17 every lambda is a call site linked on first use (start-up, issue 17).

    Optional<String> string(String key) {
      Optional<Node> n = get(key);
      return n.isPresent() ? scalarText(path(key), n.get()) : Optional.empty();
    }

    Optional<Integer> integer(String key) {
      Optional<Node> n = get(key);
      if (n.isEmpty()) {
        return Optional.empty();
      }
      if (n.get() instanceof ScalarNode s && s.isPlain() && DECIMAL.matcher(s.getValue()).matches()) {
        long value = Long.parseLong(s.getValue());
        if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
          return Optional.of((int) value);
        }
      }
      wrongType(path(key), n.get(), "an integer such as 4456 (unquoted, no leading zeros)");
      return Optional.empty();
    }

    Optional<Boolean> bool(String key) {
      Optional<Node> n = get(key);
      if (n.isEmpty()) {
        return Optional.empty();
      }
      if (n.get() instanceof ScalarNode s && s.isPlain()) {
        switch (s.getValue()) {
          case "true", "True", "TRUE":
            return Optional.of(true);
          case "false", "False", "FALSE":
            return Optional.of(false);
          default:
            break;
        }
      }
      wrongType(path(key), n.get(), "true or false (yes/no/on/off mean different things to YAML 1.1 and 1.2)");
      return Optional.empty();
    }

    Optional<Fields> mapping(String key) {
      Optional<Node> n = get(key);
      return n.isPresent() ? mappingValue(path(key), n.get()) : Optional.empty();
    }

    Optional<List<Node>> list(String key) {
      Optional<Node> n = get(key);
      if (n.isEmpty()) {
        return Optional.empty();
      }
      if (n.get() instanceof SequenceNode seq) {
        List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++) {
          count(items.get(i));
          if (locating) {
            positions.put(path(key) + "[" + i + "]", position(items.get(i)));
          }
        }
        return Optional.of(items);
      }
      wrongType(path(key), n.get(), "a list");
      return Optional.empty();
    }

    Optional<List<String>> stringList(String key) {
      Optional<List<Node>> items = list(key);
      if (items.isEmpty()) {
        return Optional.empty();
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < items.get().size(); i++) {
        Optional<String> item = scalarText(path(key) + "[" + i + "]", items.get().get(i));
        if (item.isPresent()) {
          out.add(item.get());
        }
      }
      return Optional.of(out);
    }

    Optional<Map<String, String>> stringMap(String key) {
      Optional<Fields> fields = mapping(key);
      if (fields.isEmpty()) {
        return Optional.empty();
      }
      Map<String, String> out = new LinkedHashMap<>();
      for (Map.Entry<String, NodeTuple> e : fields.get().entries()) {
        Optional<String> value = scalarText(fields.get().path(e.getKey()), e.getValue().getValueNode());
        if (value.isPresent()) {
          out.put(e.getKey(), value.get());
        }
      }
      return Optional.of(out);
    }

    void finish() {
      for (Map.Entry<String, NodeTuple> e : byKey.entrySet()) {
        if (!known.contains(e.getKey())) {
          String suggestion = Suggestions.closest(e.getKey(), known);
          problem(
              Kind.UNKNOWN_KEY,
              path(e.getKey()),
              e.getValue().getKeyNode(),
              "unknown key '" + e.getKey() + "'" + (path.isEmpty() ? "" : " in " + path)
                  + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"),
              "one of " + known);
        }
      }
    }
  }
}
