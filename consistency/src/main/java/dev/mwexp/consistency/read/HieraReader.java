package dev.mwexp.consistency.read;

import dev.mwexp.format.yaml.YamlDocument;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mwexp.consistency.facts.HostHiera;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.files.SafeTree;
import dev.mwexp.files.TreeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hiera lookups as Puppet does them for one node: the hierarchy of a version 5 {@code hiera.yaml},
 * its paths interpolated with the node's facts, first found wins per key. Facts of a Wikimedia
 * node follow from its name ({@code host.site.wmnet}) and role.
 */
public final class HieraReader {

  private static final Pattern INTERPOLATION = Pattern.compile("%\\{\\s*([^}]*?)\\s*\\}");

  private final SafeTree tree;
  private final Path root;
  private final Path datadir;
  private final List<String> levels;
  private final String role;
  private final HieraFiles files;

  private HieraReader(SafeTree tree, Path root, Path datadir, List<String> levels, String role) {
    this.tree = tree;
    this.files = new HieraFiles(tree);
    this.root = root;
    this.datadir = datadir;
    this.levels = levels;
    this.role = role;
  }

  /**
   * Reads {@code hiera.yaml} in {@code root}; {@code role} is the node's role with '/' for '::'
   * ({@code kubernetes/worker}), for hierarchies keyed by role.
   */
  public static HieraReader open(SafeTree tree, Path root, String role) throws TreeException {
    Path config = root.resolve("hiera.yaml");
    List<YamlDocument> docs = YamlDocument.read(tree, config);
    if (docs.isEmpty() || docs.get(0).root().path("version").asInt() != 5) {
      throw new TreeException(tree.name(config), "is not a version 5 hiera configuration (no version: 5)");
    }
    JsonNode hiera = docs.get(0).root();
    String defaultDatadir = hiera.path("defaults").path("datadir").asText("data");
    List<String> levels = new ArrayList<>();
    Path datadir = root.resolve(defaultDatadir);
    for (JsonNode level : hiera.path("hierarchy")) {
      Path levelDir = level.has("datadir") ? root.resolve(level.get("datadir").asText()) : datadir;
      if (level.has("path")) {
        levels.add(root.relativize(levelDir.resolve(level.get("path").asText())).toString());
      }
      for (JsonNode p : level.path("paths")) {
        levels.add(root.relativize(levelDir.resolve(p.asText())).toString());
      }
    }
    return new HieraReader(tree, root, datadir, List.copyOf(levels), role);
  }

  /** Host names that have a file at a level keyed by the node name. */
  public List<String> hostsWithOwnFile() throws TreeException {
    List<String> hosts = new ArrayList<>();
    for (String level : levels) {
      Matcher m = INTERPOLATION.matcher(level);
      if (m.find() && isNodeName(m.group(1)) && level.endsWith(".yaml")) {
        String prefix = level.substring(0, m.start());
        String suffix = level.substring(m.end());
        Path dir = prefix.endsWith("/") ? root.resolve(prefix) : root.resolve(prefix).getParent();
        if (dir != null && dir.normalize().startsWith(root) && tree.isDirectory(dir)) {
          for (Path f : tree.list(dir)) {
            String rel = root.relativize(f).toString();
            if (rel.startsWith(prefix) && rel.endsWith(suffix)) {
              hosts.add(rel.substring(prefix.length(), rel.length() - suffix.length()));
            }
          }
        }
      }
    }
    return hosts.stream().distinct().sorted().toList();
  }

  private static boolean isNodeName(String variable) {
    return List.of("trusted.certname", "::fqdn", "facts.fqdn", "fqdn", "::trusted.certname", "facts.networking.fqdn")
        .contains(variable);
  }

  /** Every key hiera would give the host, with its source; the host file is the first level's. */
  public HostHiera lookup(String host) throws TreeException {
    Map<String, HostHiera.Value> keys = new LinkedHashMap<>();
    Source hostFile = null;
    for (String level : levels) {
      Optional<String> path = interpolate(level, host);
      if (path.isEmpty()) {
        continue;
      }
      Optional<YamlDocument> doc = read(root.resolve(path.get()).normalize());
      if (doc.isEmpty()) {
        continue;
      }
      if (hostFile == null && level.contains("%{") && isNodeLevel(level)) {
        hostFile = Source.of(path.get(), 1);
      }
      var fields = doc.get().root().fields();
      while (fields.hasNext()) {
        var e = fields.next();
        keys.putIfAbsent(
            e.getKey(),
            new HostHiera.Value(plain(e.getValue()), Source.at(doc.get(), "/" + YamlDocument.escape(e.getKey()))));
      }
    }
    return new HostHiera(host, hostFile, keys);
  }

  private static boolean isNodeLevel(String level) {
    Matcher m = INTERPOLATION.matcher(level);
    while (m.find()) {
      if (isNodeName(m.group(1))) {
        return true;
      }
    }
    return false;
  }

  private Optional<String> interpolate(String level, String host) {
    int dot = host.indexOf('.');
    String hostname = dot < 0 ? host : host.substring(0, dot);
    String domain = dot < 0 ? "" : host.substring(dot + 1);
    String site = domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain;
    Map<String, String> facts = new HashMap<>();
    for (String name : List.of("trusted.certname", "::trusted.certname", "::fqdn", "facts.fqdn", "fqdn", "facts.networking.fqdn")) {
      facts.put(name, host);
    }
    facts.put("::hostname", hostname);
    facts.put("facts.hostname", hostname);
    facts.put("::domain", domain);
    facts.put("facts.domain", domain);
    facts.put("::site", site);
    facts.put("site", site);
    facts.put("::_role", role);
    facts.put("_role", role);
    Matcher m = INTERPOLATION.matcher(level);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = facts.get(m.group(1));
      if (value == null) {
        return Optional.empty();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return Optional.of(out.toString());
  }

  private Optional<YamlDocument> read(Path file) throws TreeException {
    return file.startsWith(root) ? files.first(file) : Optional.empty();
  }

  /** JSON values as Java: Boolean, Long, BigDecimal, String, List, Map. */
  static Object plain(JsonNode node) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(plain(n)));
      return list;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    return null;
  }

  Path datadir() {
    return datadir;
  }
}
