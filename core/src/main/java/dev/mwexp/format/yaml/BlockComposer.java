package dev.mwexp.format.yaml;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The node graph of one YAML document written in the plain block style that spec files, hiera
 * files and rule files are almost always written in, composed in one pass over the text; or null,
 * and SnakeYAML composes it. The nodes are the ones SnakeYAML's composer makes: the same tags
 * (its resolver), styles, values, and start and end marks, which editors place text by
 * (BlockComposerTest compares the two on generated texts and on every YAML file of the fixtures).
 *
 * <p>Why: SnakeYAML's scanner, parser and composer cost 40 ns a character, which was two thirds of
 * loading a 2.5 KB spec (BENCHMARKS.md). This reads the subset only and declines, rather than
 * judges, everything else: flow collections over lines, anchors, aliases, tags, block and
 * multi-line scalars, most escapes, explicit keys, directives, document markers but a leading
 * {@code ---}, tabs, other line breaks than LF, and characters outside the BMP. SnakeYAML then reads the text whole,
 * with its own errors and limits, so nothing this class meets is ever refused by it.
 */
final class BlockComposer {

  /** What StreamReader names a String source, in every mark. */
  private static final String NAME = "'string'";
  /** SnakeYAML's longest simple key is 1024 characters; nowhere near it is read here. */
  private static final int MAX_KEY = 1000;

  private final String text;
  private final int n;
  private final int maxDepth;
  private int[] codePoints;
  private final int[] lineStart;
  private final int lines;

  /** Declines: the text is outside the subset, and SnakeYAML reads it. */
  private static final class Decline extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Decline INSTANCE = new Decline();

    private Decline() {
      super(null, null, false, false);
    }
  }

  private BlockComposer(String text, int[] lineStart, int lines, int maxDepth) {
    this.text = text;
    this.n = text.length();
    this.lineStart = lineStart;
    this.lines = lines;
        this.maxDepth = maxDepth;
  }

  /** The document's root, or null when the text is not in the subset (or holds no document). */
  static Node compose(String text, int maxDepth) {
    int n = text.length();
    int[] starts = new int[64];
    int lines = 0;
    starts[lines++] = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        if (lines == starts.length) {
          starts = java.util.Arrays.copyOf(starts, lines * 2);
        }
        starts[lines++] = i + 1;
      } else if (!printable(c)) {
        return null;
      }
    }
    try {
      return new BlockComposer(text, starts, lines, maxDepth).document();
    } catch (Decline e) {
      return null;
    }
  }

  /**
   * A character SnakeYAML reads as text, one code point to one char, never a line break: printable
   * ASCII and the printable BMP but NEL, the line separators (both YAML 1.1 breaks), the byte-order
   * mark and surrogates (a mark counts code points, a String chars).
   */
  private static boolean printable(char c) {
    return c >= ' ' && c <= '~'
        || c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029
        || c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF;
  }

  // ---- lines ----

  private int end(int line) {
    return line + 1 < lines ? lineStart[line + 1] - 1 : n;
  }

  /** The first character of the line that is not a space. */
  private int content(int line) {
    return skipSpaces(lineStart[line], end(line));
  }

  /** The first line from {@code line} on with content other than a comment, or {@link #lines}. */
  private int nextContent(int line) {
    for (int l = line; l < lines; l++) {
      int c = content(l);
      if (c < end(l) && text.charAt(c) != '#') {
        return l;
      }
    }
    return lines;
  }

  private int column(int line, int at) {
    return at - lineStart[line];
  }

  private Mark mark(int line, int at) {
    if (codePoints == null) {
      // The text has no surrogates (compose), so its chars are its code points.
      int[] cps = new int[n];
      for (int i = 0; i < n; i++) {
        cps[i] = text.charAt(i);
      }
      codePoints = cps;
    }
    return new Mark(NAME, at, line, at - lineStart[line], codePoints, at);
  }

  /** Where a collection ends: at the next content, as SnakeYAML's BLOCK-END, or at the end. */
  private Mark endMark(int line) {
    if (line >= lines) {
      return mark(lines - 1, n);
    }
    return mark(line, content(line));
  }

  // ---- document ----

  private Node document() {
    int first = nextContent(0);
    if (first >= lines) {
      return null;
    }
    int at = content(first);
    if (at == lineStart[first] && text.startsWith("---", at)) {
      if (!restIsBlank(first, at + 3, true)) {
        throw Decline.INSTANCE;
      }
      first = nextContent(first + 1);
      if (first >= lines) {
        throw Decline.INSTANCE;
      }
      at = content(first);
    }
    int col = column(first, at);
    Parsed root;
    if (isEntry(first, at)) {
      root = sequence(first, col, 1);
    } else {
      root = mapping(first, at, col, 1);
    }
    if (root.next < lines) {
      throw Decline.INSTANCE;
    }
    return root.node;
  }

  /** A node and the line of the content after it. */
  private record Parsed(Node node, int next) {}

  private boolean isEntry(int line, int at) {
    return text.charAt(at) == '-' && (at + 1 == end(line) || text.charAt(at + 1) == ' ');
  }

  /** Nothing but spaces and a comment from {@code at} to the line's end. */
  private boolean restIsBlank(int line, int at, boolean commentNeedsSpace) {
    int e = end(line);
    int i = skipSpaces(at, e);
    return i == e || text.charAt(i) == '#' && (!commentNeedsSpace || i > at);
  }

  private void checkLine(int line) {
    // Document markers and directives at the left margin end or start a document.
    int s = lineStart[line];
    if ((text.startsWith("---", s) || text.startsWith("...", s))
        && (s + 3 == end(line) || text.charAt(s + 3) == ' ')) {
      throw Decline.INSTANCE;
    }
  }

  // ---- collections ----

  /** The block mapping whose first key starts at {@code at} on {@code line}, its keys at {@code col}. */
  private Parsed mapping(int line, int at, int col, int depth) {
    if (depth >= maxDepth) {
      throw Decline.INSTANCE;
    }
    List<NodeTuple> tuples = new ArrayList<>();
    Mark start = mark(line, at);
    int l = line;
    int a = at;
    while (true) {
      checkLine(l);
      Scalar key = scalar(l, a, true);
      if (key == null || key.tag().equals(Tag.MERGE)) {
        throw Decline.INSTANCE;
      }
      int colon = key.after();   // at ':', which is followed by a space or the line's end
      Parsed value = value(l, colon + 1, col, depth + 1);
      tuples.add(new NodeTuple(key.node(), value.node()));
      int next = value.next;
      int c = next < lines ? content(next) : n;
      int nc = next < lines ? column(next, c) : -1;
      if (nc < col) {   // the end, or a line less indented
        return finish(new MappingNode(Tag.MAP, true, tuples, start, null, DumperOptions.FlowStyle.BLOCK), next);
      }
      if (nc > col || isEntry(next, c)) {
        throw Decline.INSTANCE;
      }
      l = next;
      a = c;
    }
  }

  /** A mapping's value, after the ':' at {@code from - 1}; the mapping's keys are at {@code col}. */
  private Parsed value(int line, int from, int col, int depth) {
    if (depth >= maxDepth) {
      throw Decline.INSTANCE;
    }
    int e = end(line);
    int i = skipSpaces(from, e);
    if (i < e && text.charAt(i) != '#') {
      if (isFlowStart(text.charAt(i))) {
        return afterFlow(flow(line, i, e, depth), line, col);
      }
      Scalar value = scalar(line, i, false);
      if (value == null) {
        throw Decline.INSTANCE;
      }
      return afterScalar(value, line, col);
    }
    return below(line, from, col, depth, true);
  }

  /**
   * A value with nothing on its line: the block below it, more indented than {@code col} (or, for
   * a mapping's value, an indentless sequence at {@code col}, as hiera writes lists), else the
   * empty scalar SnakeYAML places right after the ':' or '-' ({@code emptyAt}).
   */
  private Parsed below(int line, int emptyAt, int col, int depth, boolean indentless) {
    int next = nextContent(line + 1);
    if (next < lines) {
      int c = content(next);
      int nc = column(next, c);
      if (nc > col) {
        return isEntry(next, c) ? sequence(next, nc, depth) : mapping(next, c, nc, depth);
      }
      if (indentless && nc == col && isEntry(next, c)) {
        return sequence(next, nc, depth);
      }
    }
    Mark empty = mark(line, emptyAt);
    return new Parsed(new ScalarNode(Tag.NULL, true, "", empty, empty,
        DumperOptions.ScalarStyle.PLAIN), next);
  }

  /**
   * The block sequence whose first '-' is at column {@code col} of {@code line}. An indentless
   * one (a mapping's value, at the mapping's own column) ends where the mapping's next key is.
   */
  private Parsed sequence(int line, int col, int depth) {
    if (depth >= maxDepth) {
      throw Decline.INSTANCE;
    }
    List<Node> items = new ArrayList<>();
    int l = line;
    Mark start = mark(line, lineStart[line] + col);
    while (true) {
      checkLine(l);
      int dash = lineStart[l] + col;
      Parsed item = item(l, dash, col, depth + 1);
      items.add(item.node());
      int next = item.next;
      int c = next < lines ? content(next) : n;
      int nc = next < lines ? column(next, c) : -1;
      if (nc > col) {
        throw Decline.INSTANCE;
      }
      // The end, a line less indented, or a key at the sequence's column, which ends an
      // indentless sequence (its mapping reads the key).
      if (nc < col || !isEntry(next, c)) {
        return finish(new SequenceNode(Tag.SEQ, true, items, start, null, DumperOptions.FlowStyle.BLOCK), next);
      }
      l = next;
    }
  }

  /** One sequence item, after the '-' at {@code dash}. */
  private Parsed item(int line, int dash, int col, int depth) {
    int e = end(line);
    int i = skipSpaces(dash + 1, e);
    if (i < e && text.charAt(i) != '#') {
      if (isEntry(line, i)) {
        throw Decline.INSTANCE;
      }
      if (isFlowStart(text.charAt(i))) {
        return afterFlow(flow(line, i, e, depth), line, col);
      }
      Scalar s = scalar(line, i, false);
      if (s != null) {
        return afterScalar(s, line, col);
      }
      // A mapping that starts on the item's line ("- name: x"), its keys at this column.
      return mapping(line, i, column(line, i), depth);
    }
    return below(line, dash + 1, col, depth, false);
  }

  private Parsed finish(org.yaml.snakeyaml.nodes.CollectionNode<?> node, int next) {
    node.setEndMark(endMark(next));
    return new Parsed(node, next);
  }

  /** After a scalar that ends its line: what follows must not be more indented (a continuation). */
  private Parsed afterScalar(Scalar s, int line, int col) {
    return afterScalar(s, s.node(), line, col);
  }

  private Parsed afterScalar(Scalar s, Node node, int line, int col) {
    if (!restIsBlank(line, s.after(), !s.quoted())) {
      throw Decline.INSTANCE;
    }
    int next = nextContent(line + 1);
    if (next < lines && column(next, content(next)) > col) {
      throw Decline.INSTANCE;
    }
    return new Parsed(node, next);
  }

  private Parsed afterFlow(Flow f, int line, int col) {
    return afterScalar(new Scalar(null, null, f.after(), true), f.node(), line, col);
  }

  // ---- flow collections on one line ----

  private static boolean isFlowStart(char c) {
    return c == '[' || c == '{';
  }

  /** A flow collection and the index past its closing bracket. */
  private record Flow(Node node, int after) {}

  /**
   * The flow sequence or mapping at {@code at}, closed on its line, of one-line scalars and flow
   * collections: {@code [a, 'b']}, {@code {cpu: 1000m, memory: 3500Mi}}, {@code []}. Declines
   * empty entries, a trailing comma, keys without a value and ':' in a plain scalar (a value
   * indicator there, in SnakeYAML's flow context).
   */
  private Flow flow(int line, int at, int e, int depth) {
    if (depth >= maxDepth) {
      throw Decline.INSTANCE;
    }
    boolean mapping = text.charAt(at) == '{';
    char close = mapping ? '}' : ']';
    List<NodeTuple> tuples = mapping ? new ArrayList<>() : null;
    List<Node> items = mapping ? null : new ArrayList<>();
    int i = skipSpaces(at + 1, e);
    if (i < e && text.charAt(i) == close) {
      i++;
    } else {
      while (true) {
        if (mapping) {
          Scalar key = flowScalar(line, i, e);
          if (key.after() + 1 >= e || text.charAt(key.after()) != ':' || text.charAt(key.after() + 1) != ' '
              || key.tag().equals(Tag.MERGE)) {
            throw Decline.INSTANCE;
          }
          Flow value = flowNode(line, skipSpaces(key.after() + 1, e), e, depth + 1);
          tuples.add(new NodeTuple(key.node(), value.node()));
          i = skipSpaces(value.after(), e);
        } else {
          Flow item = flowNode(line, i, e, depth + 1);
          items.add(item.node());
          i = skipSpaces(item.after(), e);
        }
        if (i >= e) {
          throw Decline.INSTANCE;
        }
        char c = text.charAt(i);
        if (c == close) {
          i++;
          break;
        }
        if (c != ',') {
          throw Decline.INSTANCE;
        }
        i = skipSpaces(i + 1, e);
        if (i >= e || text.charAt(i) == close || text.charAt(i) == ',') {
          throw Decline.INSTANCE;
        }
      }
    }
    Mark start = mark(line, at);
    Mark end = mark(line, i);
    Node node = mapping
        ? new MappingNode(Tag.MAP, true, tuples, start, end, DumperOptions.FlowStyle.FLOW)
        : new SequenceNode(Tag.SEQ, true, items, start, end, DumperOptions.FlowStyle.FLOW);
    return new Flow(node, i);
  }

  private Flow flowNode(int line, int at, int e, int depth) {
    if (at >= e) {
      throw Decline.INSTANCE;
    }
    if (isFlowStart(text.charAt(at))) {
      return flow(line, at, e, depth);
    }
    Scalar s = flowScalar(line, at, e);
    return new Flow(s.node(), s.after());
  }

  /** A scalar inside a flow collection; {@code after} is where it stops (before trailing spaces). */
  private Scalar flowScalar(int line, int at, int e) {
    if (at >= e) {
      throw Decline.INSTANCE;
    }
    char c = text.charAt(at);
    if (c == '\'' || c == '"') {
      return quotedAt(line, at, e, c);
    }
    if (!startsPlain(at, e)) {
      throw Decline.INSTANCE;
    }
    int i = at;
    while (i < e) {
      char ch = text.charAt(i);
      if (ch == ',' || ch == '[' || ch == ']' || ch == '{' || ch == '}') {
        break;
      }
      if (ch == ':') {
        // A key's ':' (followed by a space) ends it; any other is a value indicator in flow context.
        if (i + 1 < e && text.charAt(i + 1) == ' ' && i > at && text.charAt(i - 1) != ' ') {
          break;
        }
        throw Decline.INSTANCE;
      }
      if (ch == '?' || ch == ' ' && i + 1 < e && text.charAt(i + 1) == '#') {
        throw Decline.INSTANCE;
      }
      i++;
    }
    int last = i;
    while (last > at && text.charAt(last - 1) == ' ') {
      last--;
    }
    if (last == at) {
      throw Decline.INSTANCE;
    }
    return plain(line, at, last, last);
  }

  private int skipSpaces(int i, int e) {
    while (i < e && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  // ---- scalars ----

  /** A scalar, where it stops, and (for a key) the ':' after it. */
  private record Scalar(ScalarNode node, Tag tag, int after, boolean quoted) {}

  /**
   * The one-line scalar at {@code at}. As a key it must be followed by ':' and a space or the
   * line's end ({@code after} is then the colon); as a value, {@code after} is where it stops.
   * Null when a value is a key (a mapping starts here); declines what it does not read.
   */
  private Scalar scalar(int line, int at, boolean key) {
    int e = end(line);
    char c = text.charAt(at);
    if (c == '\'' || c == '"') {
      return quoted(line, at, e, c, key);
    }
    if (!startsPlain(at, e)) {
      throw Decline.INSTANCE;
    }
    int i = at;
    int stop = -1;
    while (i < e) {
      char ch = text.charAt(i);
      if (ch == ':' && (i + 1 == e || text.charAt(i + 1) == ' ')) {
        stop = i;
        break;
      }
      if (ch == ' ' && i + 1 < e && text.charAt(i + 1) == '#') {
        break;
      }
      i++;
    }
    if (stop >= 0) {
      // "a: b" — a key, whether one was asked for or a mapping starts here.
      if (!key || text.charAt(stop - 1) == ' ' || stop - at > MAX_KEY) {
        if (key) {
          throw Decline.INSTANCE;
        }
        return null;
      }
      return plain(line, at, stop, stop);
    }
    if (key) {
      throw Decline.INSTANCE;
    }
    int last = i;
    while (last > at && text.charAt(last - 1) == ' ') {
      last--;
    }
    return plain(line, at, last, last);
  }

  /** Whether a plain scalar starts at {@code at}: no indicator, but '-' before a letter or digit ("-1"). */
  private boolean startsPlain(int at, int e) {
    char c = text.charAt(at);
    if ("-?:,[]{}#&*!|>%@`'\" ".indexOf(c) >= 0) {
      return c == '-' && at + 1 < e && isAsciiAlnum(text.charAt(at + 1));
    }
    return true;
  }

  private static boolean isAsciiAlnum(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private Scalar plain(int line, int from, int to, int after) {
    String value = text.substring(from, to);
    Tag tag = PlainTags.of(value);
    ScalarNode node = new ScalarNode(tag, true, value, mark(line, from), mark(line, to), DumperOptions.ScalarStyle.PLAIN);
    return new Scalar(node, tag, after, false);
  }

  private Scalar quoted(int line, int at, int e, char quote, boolean key) {
    Scalar s = quotedAt(line, at, e, quote);
    int close = s.after();
    if (key || close < e && text.charAt(close) == ':') {
      if (close >= e || text.charAt(close) != ':' || (close + 1 < e && text.charAt(close + 1) != ' ')
          || close - at > MAX_KEY || s.tag().equals(Tag.MERGE)) {
        throw Decline.INSTANCE;
      }
      if (!key) {
        return null;
      }
    }
    return s;
  }

  /**
   * The quoted scalar at {@code at}, closed on its line. Single quotes double themselves; in
   * double quotes only \\, \" , \n and \t are read, other escapes declined.
   */
  private Scalar quotedAt(int line, int at, int e, char quote) {
    StringBuilder value = null;
    int i = at + 1;
    int run = i;
    while (true) {
      if (i >= e) {
        throw Decline.INSTANCE;   // a quoted scalar over more than one line
      }
      char ch = text.charAt(i);
      if (quote == '"' && ch == '\\') {
        char escaped = i + 1 < e ? text.charAt(i + 1) : 0;
        String replacement = switch (escaped) {
          case '\\' -> "\\";
          case '"' -> "\"";
          case 'n' -> "\n";
          case 't' -> "\t";
          default -> throw Decline.INSTANCE;
        };
        if (value == null) {
          value = new StringBuilder();
        }
        value.append(text, run, i).append(replacement);
        i += 2;
        run = i;
        continue;
      }
      if (ch == quote) {
        if (quote == '\'' && i + 1 < e && text.charAt(i + 1) == '\'') {
          if (value == null) {
            value = new StringBuilder();
          }
          value.append(text, run, i + 1);
          i += 2;
          run = i;
          continue;
        }
        break;
      }
      i++;
    }
    String v = value == null ? text.substring(run, i) : value.append(text, run, i).toString();
    int close = i + 1;
    Tag tag = Tag.STR;   // quoted: never an implicit type
    ScalarNode node = new ScalarNode(tag, true, v, mark(line, at), mark(line, close),
        quote == '\'' ? DumperOptions.ScalarStyle.SINGLE_QUOTED : DumperOptions.ScalarStyle.DOUBLE_QUOTED);
    return new Scalar(node, tag, close, true);
  }
}
