package dev.mwexp.consistency;

import dev.mwexp.files.SafeTree;
import dev.mwexp.files.TreeException;
import dev.mwexp.format.alerts.RuleFile;
import dev.mwexp.fragment.Globs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The rule files of an operations/alerts checkout ({@code team-*}/{@code *.yaml}, not the
 * promtool tests), for NO_ALERT. Nothing when no such checkout is given. A file that is not YAML
 * is reported as UNREADABLE: what it would fire for cannot be known.
 */
final class AlertRulesSource implements FactsSource<AlertRulesSource.RuleFiles> {

  /** Each file as read, with its text, so that a selector's offset can be told as a line. */
  record Read(String name, String text, RuleFile file) {}

  record RuleFiles(List<Read> files) {}

  @Override
  public Optional<RuleFiles> read(SafeTree tree, ArtifactTrees trees, Optional<dev.mwexp.model.Setup> model,
      Consumer<TreeException> unreadable) {
    Optional<Path> root = trees.repositories().entrySet().stream()
        .filter(e -> e.getKey().directory().equals("alerts")).map(java.util.Map.Entry::getValue).findFirst();
    if (root.isEmpty()) {
      return Optional.empty();
    }
    List<Read> files = new ArrayList<>();
    try {
      for (Path dir : tree.list(root.get())) {
        if (!Globs.matches(RuleFile.DIRECTORIES, dir.getFileName().toString()) || !tree.isDirectory(dir)) {
          continue;
        }
        for (Path file : tree.list(dir)) {
          if (!RuleFile.isRuleFile(file.getFileName().toString()) || tree.isDirectory(file)) {
            continue;
          }
          String name = tree.name(file);
          try {
            String text = tree.read(file);
            files.add(new Read(name, text, RuleFile.read(name, text)));
          } catch (TreeException e) {
            unreadable.accept(e);
          }
        }
      }
    } catch (TreeException e) {
      unreadable.accept(e);
    }
    return Optional.of(new RuleFiles(files));
  }
}
