package dev.mwexp.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.consistency.facts.Toleration;
import dev.mwexp.consistency.read.Tolerations;
import dev.mwexp.files.SafeTree;
import dev.mwexp.files.TreeException;
import dev.mwexp.format.yaml.YamlDocument;
import dev.mwexp.fragment.Repository;
import dev.mwexp.model.Companion;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The node companions' tolerations, from each one's values file in deployment-charts (the spec's
 * companions, else Wikimedia's), for COMPANION. Nothing without a deployment-charts checkout, and
 * nothing in compile's output, which holds no other service's values.
 */
final class CompanionsSource implements FactsSource<CompanionsSource.Companions> {

  /**
   * One companion as its values file holds it; {@code tolerations} empty when the file is not
   * there.
   */
  record Read(Companion companion, String file, Optional<List<Toleration>> tolerations, Source source) {}

  record Companions(List<Read> companions) {}

  @Override
  public Optional<Companions> read(SafeTree tree, ArtifactTrees trees, Optional<Setup> model,
      Consumer<TreeException> unreadable) {
    Path charts = trees.repositories().get(Repository.CHARTS);
    // compile's output holds only mw-experimental's own files: the companions' are others'.
    if (charts == null || !trees.holdsChain() || trees.everyRepository()) {
      return Optional.empty();
    }
    List<Read> out = new ArrayList<>();
    for (Companion c : model.orElseGet(Spec::defaultSetup).scheduling().companions()) {
      Path file = charts.resolve(c.values());
      String name = tree.name(file);
      if (!tree.exists(file)) {
        out.add(new Read(c, name, Optional.empty(), Source.of(name, 0)));
        continue;
      }
      try {
        List<Toleration> tolerations = new ArrayList<>();
        int line = 0;
        for (YamlDocument doc : YamlDocument.read(tree, file)) {
          JsonNode list = doc.root().path("tolerations");
          if (list.isArray()) {
            line = doc.line("/tolerations");
            tolerations.addAll(Tolerations.of(list));
          }
        }
        out.add(new Read(c, name, Optional.of(tolerations), Source.of(name, line)));
      } catch (TreeException e) {
        unreadable.accept(e);
      }
    }
    return Optional.of(new Companions(out));
  }
}
