package dev.mwexp.format.sitepp;

import dev.mwexp.format.MergeConflict;
import dev.mwexp.fragment.Globs;
import dev.mwexp.fragment.Merge.NodeStanzas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code manifests/site.pp}'s node stanzas for single hosts, {@code node /^host\.dc\./ { role(x) }}:
 * read with their lines, and kept for mw-experimental's hosts. A new stanza goes where its host
 * sorts among the others, shaped like them; a stanza of an owned host no longer wanted goes away
 * with the blank line after it. Every other stanza and line stays as written.
 */
public final class SitePp {

  private static final Pattern NODE = Pattern.compile("^node\\s+/\\^?([a-z0-9-]+)\\\\\\.([a-z0-9-]+)\\\\\\.[^/]*/\\s*\\{");
  private static final Pattern ROLE = Pattern.compile("role\\(\\s*'?([a-z0-9_:]+)'?\\s*\\)");

  private SitePp() {}

  /** A single-host stanza: lines [first, last] (1-based), the host's short name, datacenter and role. */
  public record Stanza(int first, int last, String host, String datacenter, String role) {}

  public static List<Stanza> stanzas(String text) throws MergeConflict {
    String[] lines = text.split("\n", -1);
    List<Stanza> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      Matcher m = NODE.matcher(lines[i]);
      if (!m.find()) {
        continue;
      }
      int depth = 0;
      int end = i;
      StringBuilder body = new StringBuilder();
      for (int j = i; j < lines.length; j++) {
        String code = lines[j].replaceAll("#.*", "");
        for (char c : code.toCharArray()) {
          depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        }
        body.append(code).append('\n');
        if (depth <= 0) {
          end = j;
          break;
        }
        if (j == lines.length - 1) {
          throw new MergeConflict(i + 1, "node stanza opened here is never closed");
        }
      }
      Matcher role = ROLE.matcher(body);
      out.add(new Stanza(i + 1, end + 1, m.group(1), m.group(2), role.find() ? role.group(1) : ""));
      i = end;
    }
    return out;
  }

  public static String apply(String text, NodeStanzas merge) throws MergeConflict {
    List<Stanza> stanzas = stanzas(text);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    Map<String, Stanza> byHost = new TreeMap<>();
    for (Stanza s : stanzas) {
      byHost.put(s.host(), s);
    }
    List<int[]> removals = new ArrayList<>();
    TreeMap<Integer, List<String>> inserts = new TreeMap<>();
    for (Map.Entry<String, String> want : merge.hosts().entrySet()) {
      Stanza existing = byHost.get(want.getKey());
      if (existing != null) {
        if (!existing.role().equals(merge.role()) || !existing.datacenter().equals(want.getValue())) {
          throw new MergeConflict(existing.first(), "the node stanza of " + want.getKey() + " was edited by hand (role "
              + existing.role() + ", datacenter " + existing.datacenter() + "); mwexp writes role(" + merge.role()
              + ") for " + want.getKey() + "." + want.getValue() + "; fix or remove it by hand");
        }
        continue;
      }
      // Before the first stanza sorting after it, else after the last stanza, else at the end.
      Stanza next = stanzas.stream().filter(s -> s.host().compareTo(want.getKey()) > 0).findFirst().orElse(null);
      List<String> stanza = List.of("node /^" + want.getKey() + "\\." + want.getValue() + "\\./ {",
          "    role(" + merge.role() + ")", "}");
      if (next != null) {
        List<String> block = new ArrayList<>(stanza);
        block.add("");
        inserts.computeIfAbsent(next.first() - 1, k -> new ArrayList<>()).addAll(block);
      } else {
        int at = stanzas.isEmpty() ? trailingEnd(lines) : stanzas.get(stanzas.size() - 1).last();
        List<String> block = new ArrayList<>();
        block.add("");
        block.addAll(stanza);
        inserts.computeIfAbsent(at, k -> new ArrayList<>()).addAll(block);
      }
    }
    for (Stanza s : stanzas) {
      if (!merge.hosts().containsKey(s.host()) && Globs.matchesAny(merge.ownedGlobs(), s.host())) {
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

  /** Where text ends before its trailing blank lines. */
  private static int trailingEnd(List<String> lines) {
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).isBlank()) {
      end--;
    }
    return end;
  }
}
