package dev.mwexp.repos;

import dev.mwexp.export.Exporters;
import dev.mwexp.files.Inert;
import dev.mwexp.fragment.Repository;
import dev.mwexp.model.Setup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a sync of an imported spec would change in the checkouts it was imported from: the hand
 * edits the spec cannot express (a port typed into the routing table, replicas set by hand, a
 * stanza added by hand), which that sync would revert. Import warns with each, so nobody learns of
 * them from a reverted file.
 */
public final class HandEdits {

  private HandEdits() {}

  /** One warning a changed file: its name and the lines a sync would take out and put in. */
  public static List<String> revertedBy(Setup imported, Map<Repository, Path> roots) throws CheckoutException {
    return revertedBy(imported, dev.mwexp.workspace.Workspace.open(roots));
  }

  /** The same, reading through the workspace the import read. */
  public static List<String> revertedBy(Setup imported, dev.mwexp.workspace.Workspace workspace)
      throws CheckoutException {
    Plan plan = Sync.plan(Exporters.fragments(imported), Checkouts.of(workspace));
    List<String> out = new ArrayList<>();
    for (Change change : plan.changes()) {
      StringBuilder w = new StringBuilder("warning: " + Inert.text(change.name())
          + ": holds what the imported spec cannot express; a sync of it would change");
      for (String line : Plan.diff(change).lines().toList()) {
        boolean edit = (line.startsWith("-") && !line.startsWith("---")) || (line.startsWith("+") && !line.startsWith("+++"));
        if (edit) {
          w.append("\n  ").append(line);
        } else if (line.startsWith("@@")) {
          w.append("\n  ").append(line);
        }
      }
      out.add(w.toString());
    }
    return out;
  }
}
