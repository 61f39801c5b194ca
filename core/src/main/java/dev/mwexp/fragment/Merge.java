package dev.mwexp.fragment;

import java.util.List;
import java.util.Map;

/**
 * How a fragment merges into its file. Each kind says which part of the file is mw-experimental's —
 * by keys and names, never by line numbers — and what that part should hold. Everything else in the
 * file is someone else's and is never rewritten. A {@code seed} is the whole file to start from
 * when it does not exist yet (an empty repository, as {@code compile} uses).
 */
public sealed interface Merge {

  /** What the file starts as when it does not exist. */
  String seed();

  /** A file mwexp owns whole. */
  record OwnedFile(String text) implements Merge {
    @Override
    public String seed() {
      return text;
    }
  }

  /**
   * Keys of a YAML mapping: each key path (segments from the top) set to its value (maps, lists,
   * strings, numbers, booleans; {@code null} is YAML's {@code ~}), and each path of {@code removed}
   * deleted where present.
   */
  record YamlKeys(Map<List<String>, Object> set, List<List<String>> removed, String seed) implements Merge {
    public YamlKeys {
      set = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
      removed = List.copyOf(removed);
    }

    // equals and hashCode written out, here and in Target: a record's generated ones link
    // through ObjectMethods' method handles on first use, about 10 ms of every CLI run that
    // compares them (BENCHMARKS.md, "CLI start-up").
    @Override
    public boolean equals(Object o) {
      return o instanceof YamlKeys k && set.equals(k.set) && removed.equals(k.removed)
          && java.util.Objects.equals(seed, k.seed);
    }

    @Override
    public int hashCode() {
      return (set.hashCode() * 31 + removed.hashCode()) * 31 + java.util.Objects.hashCode(seed);
    }
  }

  /**
   * Removes the given top-level keys from every existing file matching {@code glob} (relative to
   * the repository) that holds {@code markerKey} and no other fragment targets: the files of hosts
   * the model no longer has. A file left with nothing but comments and blank lines is deleted.
   */
  record YamlKeysSweep(String glob, String markerKey, List<String> keys) implements Merge {
    public YamlKeysSweep {
      keys = List.copyOf(keys);
    }

    @Override
    public String seed() {
      return "";
    }
  }

  /**
   * Entries {@code ["name"] = { host = "h", port = n }} of the Lua table at {@code tablePath}
   * ({@code debug_maps.default.backends}; a segment {@code [name=pretrain]} picks the list element
   * whose {@code name} is pretrain). Entries whose names match {@code ownedGlobs} and are not
   * wanted are removed; others are never touched.
   */
  record LuaTableEntries(List<String> tablePath, Map<String, Target> entries, List<String> ownedGlobs, String seed)
      implements Merge {
    public LuaTableEntries {
      tablePath = List.copyOf(tablePath);
      entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
      ownedGlobs = List.copyOf(ownedGlobs);
    }
  }

  /** Where a routing-table entry sends requests. */
  record Target(String host, int port) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Target t && java.util.Objects.equals(host, t.host) && port == t.port;
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hashCode(host) * 31 + port;
    }
  }

  /**
   * String items of the JSON list under the top-level key {@code key}: the wanted ones present,
   * those matching {@code ownedGlobs} but not wanted removed, the others left where they are.
   */
  record JsonListItems(String key, List<String> items, List<String> ownedGlobs, String seed) implements Merge {
    public JsonListItems {
      items = List.copyOf(items);
      ownedGlobs = List.copyOf(ownedGlobs);
    }
  }

  /**
   * CNAME records named {@code name} (relative) in the {@code $ORIGIN} sections of a zone
   * template: one per origin of {@code targets} (absolute, {@code eqiad.wmnet.}). A record of that
   * name in another origin is removed only when its target matches {@code ownedTargetGlobs}: a
   * datacenter the model dropped, never someone else's record of the same name.
   */
  record ZoneRecords(String name, Map<String, ZoneTarget> targets, List<String> ownedTargetGlobs, String seed)
      implements Merge {
    public ZoneRecords {
      targets = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(targets));
      ownedTargetGlobs = List.copyOf(ownedTargetGlobs);
    }
  }

  /** A CNAME's TTL as the zone writes it ({@code 1H}) and its absolute target. */
  record ZoneTarget(String ttl, String target) {}

  /**
   * {@code node /^host\.dc\./ { role(…) }} stanzas of {@code site.pp}, one per entry of
   * {@code hosts} (short name to datacenter); stanzas of hosts matching {@code ownedGlobs} that are
   * not wanted are removed.
   */
  record NodeStanzas(Map<String, String> hosts, String role, List<String> ownedGlobs, String seed) implements Merge {
    public NodeStanzas {
      hosts = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(hosts));
      ownedGlobs = List.copyOf(ownedGlobs);
    }
  }
}
