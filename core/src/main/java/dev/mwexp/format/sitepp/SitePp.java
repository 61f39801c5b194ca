package dev.mwexp.format.sitepp;

import dev.mwexp.fragment.MergeConflict;
import dev.mwexp.format.puppet.PuppetManifest;
import dev.mwexp.format.puppet.PuppetManifest.Matcher;
import dev.mwexp.format.puppet.PuppetManifest.Node;
import dev.mwexp.fragment.Globs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The editor of {@code manifests/site.pp}'s node statements, over {@link PuppetManifest}'s reading
 * of them (tokens, not lines), so a node statement is found in any layout: indented, with its {@code {} on the next line, with
 * several matchers, exact names ({@code node 'host.eqiad.wmnet'}) or regexes.
 *
 * <p>A host's node is chosen as Puppet chooses it: an exact name (the FQDN, then its shorter
 * prefixes) wins over a regex, which wins over {@code default}. Sync adds a stanza
 * {@code node /^host\.dc\./ { role(x) }} only where no node names the host; a node that names it
 * with another role is a conflict at its line; only mwexp's own single-host stanzas of hosts it
 * no longer has are removed. Every other byte stays as written.
 */
public final class SitePp {

  private SitePp() {}

  /**
   * How strongly Puppet picks {@code m} for {@code fqdn}: 3 an exact name (the certname or one of
   * its shorter dotted prefixes), 2 a regex, 1 {@code default}, 0 not at all.
   */
  static int strength(Matcher m, String fqdn, Map<String, Optional<java.util.regex.Pattern>> compiled) {
    if (!m.regex() && m.text().equals("default")) {
      return 1;
    }
    if (!m.regex()) {
      String name = m.text().toLowerCase(Locale.ROOT);
      for (String candidate = fqdn; ; candidate = candidate.substring(0, candidate.lastIndexOf('.'))) {
        if (candidate.equals(name)) {
          return 3;
        }
        if (candidate.indexOf('.') < 0) {
          return 0;
        }
      }
    }
    // Each regex compiled once per apply, not once per host asked of it.
    return compiled.computeIfAbsent(m.text(), SitePp::compile).map(p -> p.matcher(fqdn).find() ? 2 : 0).orElse(0);
  }

  private static Optional<java.util.regex.Pattern> compile(String regex) {
    try {
      return Optional.of(java.util.regex.Pattern.compile(regex));
    } catch (java.util.regex.PatternSyntaxException e) {
      return Optional.empty(); // a Ruby-only construct: not a regex mwexp can evaluate, so not one of its hosts' nodes
    }
  }

  /** A single-host stanza: lines [first, last] (1-based), the host's short name, datacenter and role. */
  public record Stanza(int first, int last, String host, String datacenter, String role) {}

  /** Every node statement of the file, in order. */
  public static List<Node> nodes(String text) throws MergeConflict {
    return PuppetManifest.read(text).nodes();
  }

  /**
   * The nodes that name one host: a regex {@code /^host\.dc\./} (anchored, as mwexp writes them) or
   * an exact name {@code host.dc.wmnet}. Where both name a host, the exact name comes last, as it
   * wins in Puppet.
   */
  public static List<Stanza> stanzas(String text) throws MergeConflict {
    List<Node> nodes = nodes(text);
    List<Stanza> out = new ArrayList<>(stanzas(nodes, true));
    out.addAll(stanzas(nodes, false));
    return out;
  }

  /** The single-host nodes named by a regex ({@code regex} true), or by an exact name. */
  private static List<Stanza> stanzas(List<Node> nodes, boolean regex) {
    List<Stanza> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n.matchers().size() != 1 || n.matchers().get(0).regex() != regex) {
        continue;
      }
      String text = n.matchers().get(0).text();
      (regex ? singleHostRegex(text) : exactName(text))
          .ifPresent(h -> out.add(new Stanza(n.first(), n.last(), h[0], h[1], n.role())));
    }
    return out;
  }

  // Compiled once: today's site.pp has some 700 nodes, each asked.
  private static final java.util.regex.Pattern ESCAPED_DOT = java.util.regex.Pattern.compile("\\\\\\.");
  private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[a-z0-9-]+");

  /** {@code ^host\.dc\.} (anything after) as {host, dc}. */
  private static Optional<String[]> singleHostRegex(String regex) {
    if (!regex.startsWith("^")) {
      return Optional.empty();
    }
    String[] parts = ESCAPED_DOT.split(regex.substring(1), -1);
    if (parts.length < 3 || !LABEL.matcher(parts[0]).matches() || !LABEL.matcher(parts[1]).matches()) {
      return Optional.empty();
    }
    return Optional.of(new String[] {parts[0], parts[1]});
  }

  private static Optional<String[]> exactName(String name) {
    String[] labels = name.toLowerCase(Locale.ROOT).split("\\.");
    return labels.length >= 3 ? Optional.of(new String[] {labels[0], labels[1]}) : Optional.empty();
  }

  public static String apply(String text, NodeStanzas merge) throws MergeConflict {
    List<Node> nodes = nodes(text);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    String cr = text.contains("\r\n") ? "\r" : "";
    if (nodes.isEmpty()) {
      return intoNoNodes(text, lines, merge, cr);
    }
    // mwexp's own shape: single-host regexes; an exact name is never one it wrote or removes.
    List<Stanza> own = stanzas(nodes, true);
    List<int[]> removals = new ArrayList<>();
    TreeMap<Integer, List<String>> inserts = new TreeMap<>();
    Map<String, Optional<java.util.regex.Pattern>> compiled = new java.util.HashMap<>();
    int firstAfter = 0;
    for (Map.Entry<String, String> want : merge.hosts().entrySet()) {
      Node chosen = null;
      int best = 1;
      String fqdn = nodes.isEmpty() ? "" : want.getKey() + "." + want.getValue() + ".wmnet";
      for (Node n : nodes) {
        for (Matcher m : n.matchers()) {
          int strength = strength(m, fqdn, compiled);
          if (strength > best) {
            best = strength;
            chosen = n;
          }
        }
      }
      if (chosen != null) {
        if (!chosen.role().equals(merge.role())) {
          throw new MergeConflict(chosen.first(), "the node statement Puppet picks for " + fqdn + " gives "
              + (chosen.role().isEmpty() ? "no role" : "role(" + chosen.role() + ")")
              + (best == 3 ? " (an exact name, which wins over any regex)" : "") + "; mwexp writes role("
              + merge.role() + ") for it; fix or remove that node by hand");
        }
        continue;
      }
      // Before the first own stanza (in file order) sorting after it, else after the last one,
      // else at the end. The wanted hosts come in ascending order, so that first stanza never
      // moves back: one pointer over the stanzas for all hosts, not a scan per host.
      while (firstAfter < own.size() && own.get(firstAfter).host().compareTo(want.getKey()) <= 0) {
        firstAfter++;
      }
      Stanza next = firstAfter < own.size() ? own.get(firstAfter) : null;
      List<String> stanza = List.of(
          appendStanza(new StringBuilder(), want.getKey(), want.getValue(), merge.role(), cr).toString().split("\n", -1));
      if (next != null) {
        List<String> block = new ArrayList<>(stanza);
        block.add(cr);
        // Above the comment lines that belong to the next stanza, not between them and it.
        int at = next.first() - 1;
        while (at > 0 && lines.get(at - 1).strip().startsWith("#")) {
          at--;
        }
        inserts.computeIfAbsent(at, k -> new ArrayList<>()).addAll(block);
      } else {
        int at = own.isEmpty() ? trailingEnd(lines) : own.get(own.size() - 1).last();
        List<String> block = new ArrayList<>();
        block.add(cr);
        block.addAll(stanza);
        inserts.computeIfAbsent(at, k -> new ArrayList<>()).addAll(block);
      }
    }
    for (Stanza s : own) {
      if (!merge.hosts().containsKey(s.host()) && Globs.matchesAny(merge.ownedGlobs(), s.host())
          && s.role().equals(merge.role())) {
        int last = s.last();
        // The blank line that separated it from the next stanza goes with it.
        if (last < lines.size() && lines.get(last).isBlank() && last + 1 < lines.size()) {
          last++;
        }
        removals.add(new int[] {s.first() - 1, last});
      }
    }
    // Bottom up: removals and inserts at descending line indexes.
    TreeMap<Integer, Runnable> ops = new TreeMap<>(java.util.Comparator.reverseOrder());
    for (int[] r : removals) {
      ops.put(r[0] * 2 + 1, () -> lines.subList(r[0], r[1]).clear());
    }
    inserts.forEach((at, block) -> ops.put(at * 2, () -> lines.addAll(at, block)));
    ops.values().forEach(Runnable::run);
    return String.join("\n", lines);
  }

  /**
   * What the general path below gives a file with no node statement (an empty repository's seed):
   * every stanza before its trailing blank lines, in host order, each after a blank line. Written
   * straight into one buffer: compiling 10,000 hosts spent a sixth of its time on the lists and the
   * join of the general path.
   */
  private static String intoNoNodes(String text, List<String> lines, NodeStanzas merge, String cr) {
    int at = trailingEnd(lines);
    List<String> before = lines.subList(0, at);
    List<String> after = lines.subList(at, lines.size());
    StringBuilder out = new StringBuilder(text.length() + merge.hosts().size() * 80);
    out.append(String.join("\n", before));
    String separator = before.isEmpty() ? "" : "\n";
    for (Map.Entry<String, String> want : merge.hosts().entrySet()) {
      appendStanza(out.append(separator).append(cr).append('\n'), want.getKey(), want.getValue(), merge.role(), cr);
      separator = "\n";
    }
    if (!after.isEmpty()) {
      out.append(separator).append(String.join("\n", after));
    }
    return out.toString();
  }

  /**
   * mwexp's stanza for one host, in the file's line endings, without a line break after its last
   * line. Appended to a buffer: the seed's path writes 10,000 of them straight into one.
   */
  private static StringBuilder appendStanza(StringBuilder out, String host, String datacenter, String role, String cr) {
    return out.append("node /^").append(host).append("\\.").append(datacenter).append("\\./ {").append(cr)
        .append("\n    role(").append(role).append(')').append(cr)
        .append("\n}").append(cr);
  }

  /** Where text ends before its trailing blank lines. */
  private static int trailingEnd(List<String> lines) {
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).isBlank()) {
      end--;
    }
    return end;
  }
}
