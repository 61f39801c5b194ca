package dev.mwexp.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.mwexp.consistency.ArtifactTrees;
import dev.mwexp.consistency.Importer;
import dev.mwexp.export.Exporters;
import dev.mwexp.fragment.Repository;
import dev.mwexp.repos.Checkouts;
import dev.mwexp.repos.Sync;
import dev.mwexp.spec.Spec;
import dev.mwexp.testing.Fixtures;
import dev.mwexp.testing.GrowingSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import reads back what the checkouts hold: sync of the imported spec changes nothing. */
class ImportTest {

  @TempDir Path tmp;

  private static String imported(Map<Repository, Path> roots) throws Exception {
    ArtifactTrees.Builder trees = ArtifactTrees.builder();
    roots.forEach(trees::repository);
    return Importer.spec(trees.build());
  }

  @Test
  void todaysRepositoriesImportAsTheBuiltInModel() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    // The same model; datacenters in name order, as import lists them.
    var builtIn = Spec.defaultSetup();
    assertThat(Spec.parse(imported(roots), "imported"))
        .isEqualTo(dev.mwexp.model.ImmutableSetup.copyOf(builtIn).withDatacenters(builtIn.sortedDatacenters()));
  }

  @Test
  void importThenSyncChangesNothing() {
    int[] n = {0};
    qt().withExamples(30).forAll(GrowingSpecs.specs()).checkAssert(text -> {
      try {
        Map<Repository, Path> roots = Fixtures.checkouts(Files.createDirectories(tmp.resolve("case" + n[0]++)));
        Sync.plan(Exporters.fragments(Spec.parse(text, "spec.yaml")), Checkouts.of(roots)).write();
        String spec = imported(roots);
        var plan = Sync.plan(Exporters.fragments(Spec.parse(spec, "imported")), Checkouts.of(roots));
        assertThat(plan.diff()).as("imported from %s as%n%s", text, spec).isEmpty();
        assertThat(Spec.parse(spec, "imported").routes()).isEqualTo(Spec.parse(text, "spec.yaml").routes());
      } catch (Exception e) {
        throw new AssertionError(text, e);
      }
    });
  }

  /** Issue 23: hand edits the spec cannot express are named, each with the lines a sync would revert. */
  @Test
  void handEditsTheSpecCannotExpressAreWarnedOf() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp.resolve("edited"));
    Path lua = roots.get(Repository.PUPPET).resolve("modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua");
    Files.writeString(lua, Files.readString(lua).replace("\"mw-experimental.eqiad.wmnet\",      port = 4456",
        "\"mw-experimental.eqiad.wmnet\",      port = 4457"));
    Path sitePp = roots.get(Repository.PUPPET).resolve("manifests/site.pp");
    Files.writeString(sitePp, Files.readString(sitePp).replace("node default {",
        "node /^wikikube-worker-exp1002\\.eqiad\\./ {\n    role(kubernetes::worker)\n}\n\nnode default {"));
    var warnings = dev.mwexp.repos.HandEdits.revertedBy(Spec.parse(imported(roots), "imported"), roots);
    assertThat(warnings).containsExactly(
        "warning: puppet/manifests/site.pp: holds what the imported spec cannot express; a sync of it would change\n"
            + "  @@ -21,10 +21,6 @@\n"
            + "  -node /^wikikube-worker-exp1002\\.eqiad\\./ {\n"
            + "  -    role(kubernetes::worker)\n"
            + "  -}\n"
            + "  -",
        "warning: puppet/modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua: holds what the imported spec"
            + " cannot express; a sync of it would change\n"
            + "  @@ -24,7 +24,7 @@\n"
            + "  -            [\"k8s-mw-experimental-eqiad\"]  = { host = \"mw-experimental.eqiad.wmnet\",      port = 4457 },\n"
            + "  +            [\"k8s-mw-experimental-eqiad\"]  = { host = \"mw-experimental.eqiad.wmnet\",      port = 4456 },");
  }
}
