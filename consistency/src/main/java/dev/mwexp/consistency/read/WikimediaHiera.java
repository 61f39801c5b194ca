package dev.mwexp.consistency.read;

import dev.mwexp.format.yaml.YamlDocument;
import dev.mwexp.consistency.facts.HostHiera;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.files.SafeTree;
import dev.mwexp.files.TreeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hiera lookups through operations/puppet's production hierarchy, for the keys the chain needs:
 * {@code hosts/<short name>.yaml}, then the role levels ({@code role/<site>/<role>.yaml},
 * {@code role/common/<role>.yaml}), then {@code wmflib::expand_path}'s levels — a key
 * {@code a::b::c} lives in {@code <site>/a/b.yaml} and {@code common/a/b.yaml} — then
 * {@code <site>.yaml} and {@code common.yaml}. First found wins, as Puppet's first-found lookup does.
 */
public final class WikimediaHiera {

  private final SafeTree tree;
  private final Path datadir;
  private final String role;
  private final HieraFiles files;

  public WikimediaHiera(SafeTree tree, Path puppetRoot, String role) {
    this.tree = tree;
    this.files = new HieraFiles(tree);
    this.datadir = puppetRoot.resolve("hieradata");
    this.role = role;
  }

  /** The keys' values for the host {@code shortName} in {@code site}; the host file is its own level. */
  public HostHiera lookup(String fqdn, String shortName, String site, Collection<String> keys) throws TreeException {
    Map<String, HostHiera.Value> found = new LinkedHashMap<>();
    Path hostFile = datadir.resolve("hosts").resolve(shortName + ".yaml");
    for (String key : keys) {
      for (Path level : levels(shortName, site, key)) {
        Optional<YamlDocument> doc = read(level);
        if (doc.isPresent() && doc.get().root().has(key)) {
          found.put(key, new HostHiera.Value(HieraReader.plain(doc.get().root().get(key)),
              Source.at(doc.get(), "/" + YamlDocument.escape(key))));
          break;
        }
      }
    }
    Source source = tree.exists(hostFile) ? Source.of(tree.name(hostFile), 1) : null;
    return new HostHiera(fqdn, source, found);
  }

  private List<Path> levels(String shortName, String site, String key) {
    List<Path> levels = new ArrayList<>();
    levels.add(datadir.resolve("hosts").resolve(shortName + ".yaml"));
    levels.add(datadir.resolve("role").resolve(site).resolve(role + ".yaml"));
    levels.add(datadir.resolve("role").resolve("common").resolve(role + ".yaml"));
    String[] parts = key.split("::");
    if (parts.length > 1) {
      String path = String.join("/", java.util.Arrays.copyOf(parts, parts.length - 1)) + ".yaml";
      levels.add(datadir.resolve(site).resolve(path));
      levels.add(datadir.resolve("common").resolve(path));
    }
    levels.add(datadir.resolve(site + ".yaml"));
    levels.add(datadir.resolve("common.yaml"));
    return levels;
  }

  private Optional<YamlDocument> read(Path file) throws TreeException {
    return files.first(file);
  }
}
