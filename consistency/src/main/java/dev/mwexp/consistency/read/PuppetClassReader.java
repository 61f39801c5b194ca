package dev.mwexp.consistency.read;

import dev.mwexp.consistency.facts.Source;
import dev.mwexp.files.TreeException;
import dev.mwexp.fragment.MergeConflict;
import dev.mwexp.format.puppet.PuppetManifest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the mw-experimental profile class does to the mount path, read through the one Puppet
 * reader ({@link PuppetManifest}): the first {@code file} resource with {@code ensure => directory}
 * (bare or quoted) whose title is a path (a literal, or a parameter's default), and its owner,
 * group and mode as written (literals, or the default of the parameter the attribute names).
 */
public final class PuppetClassReader {

  private PuppetClassReader() {}

  /** {@code path}, {@code owner}, {@code group}, {@code mode} with their sources; empty when no directory is managed. */
  public static Map<String, Map.Entry<String, Source>> mountDirectory(String file, String text) throws TreeException {
    PuppetManifest manifest;
    try {
      manifest = PuppetManifest.read(text);
    } catch (MergeConflict e) {
      throw new TreeException(file, e.line(), 0, "is not a Puppet manifest mwexp can read: " + e.reason());
    }
    Map<String, Map.Entry<String, Source>> out = new LinkedHashMap<>();
    for (PuppetManifest.Resource r : manifest.resources()) {
      PuppetManifest.Value ensure = r.attributes().get("ensure");
      Optional<PuppetManifest.Value> path = resolve(manifest, r.title());
      if (!r.type().equals("file") || ensure == null || ensure.isVariable() || !ensure.text().equals("directory")
          || path.isEmpty() || !path.get().text().startsWith("/")) {
        continue;
      }
      out.put("path", Map.entry(path.get().text(), Source.of(file, r.line())));
      for (String name : new String[] {"owner", "group", "mode"}) {
        PuppetManifest.Value written = r.attributes().get(name);
        if (written != null) {
          resolve(manifest, written).ifPresent(v -> out.put(name, Map.entry(v.text(), Source.of(file, written.line()))));
        }
      }
      return out;
    }
    return out;
  }

  /** A literal as written, or a variable's parameter default. */
  private static Optional<PuppetManifest.Value> resolve(PuppetManifest manifest, PuppetManifest.Value v) {
    return v.isVariable() ? manifest.parameterDefault(v.text()) : Optional.of(v);
  }
}
