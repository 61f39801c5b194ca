package dev.mwexp.consistency.read;

import dev.mwexp.format.yaml.YamlDocument;
import dev.mwexp.files.SafeTree;
import dev.mwexp.files.TreeException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hiera data files of one tree, each read once: the first YAML document, or empty when absent. */
final class HieraFiles {

  private final SafeTree tree;
  private final Map<Path, Optional<YamlDocument>> cache = new HashMap<>();

  HieraFiles(SafeTree tree) {
    this.tree = tree;
  }

  Optional<YamlDocument> first(Path file) throws TreeException {
    Optional<YamlDocument> cached = cache.get(file);
    if (cached != null) {
      return cached;
    }
    Optional<YamlDocument> doc = Optional.empty();
    // A link out of the tree is read (and refused) rather than skipped, so it is reported.
    if (tree.exists(file)) {
      List<YamlDocument> docs = YamlDocument.read(tree, file);
      doc = docs.isEmpty() ? Optional.empty() : Optional.of(docs.get(0));
    }
    cache.put(file, doc);
    return doc;
  }
}
