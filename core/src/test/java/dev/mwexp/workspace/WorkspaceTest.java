package dev.mwexp.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.files.SafeTree;
import dev.mwexp.files.TreeException;
import dev.mwexp.format.yaml.YamlDocument;
import dev.mwexp.fragment.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One command's checkouts: each its own boundary, each file read once, each parse made once. */
class WorkspaceTest {

  @TempDir Path tmp;

  @Test
  void aFileIsReadOnceWhicheverTreeOfTheWorkspaceAsksAndParsedOncePerParser() throws Exception {
    Path puppet = Files.createDirectories(tmp.resolve("puppet"));
    Path host = Files.writeString(Files.createDirectories(puppet.resolve("hieradata/hosts")).resolve("h.yaml"), "a: 1\n");
    Workspace ws = Workspace.open(Map.of(Repository.PUPPET, puppet));
    SafeTree tree = ws.tree(Repository.PUPPET).orElseThrow();
    // Another tree over the same checkout, as the checker builds one over all of them.
    SafeTree joined = SafeTree.within(tmp, List.of(puppet), ws.reads());

    assertThat(tree.read(host)).isEqualTo("a: 1\n");
    assertThat(joined.read(host)).isEqualTo("a: 1\n");
    List<YamlDocument> first = YamlDocument.read(tree, host);
    List<YamlDocument> again = YamlDocument.read(tree, host);

    assertThat(ws.reads().diskReads()).isEqualTo(1);
    assertThat(ws.reads().files()).containsExactly(host.toRealPath());
    assertThat(again).isSameAs(first);
    // A parse names the file as its tree does, so each naming has its own.
    assertThat(YamlDocument.read(joined, host)).isNotSameAs(first);
  }

  @Test
  void eachCheckoutIsStillItsOwnBoundaryAndABrokenOneIsAProblemNotAFailure() throws Exception {
    Path puppet = Files.createDirectories(tmp.resolve("puppet"));
    Path secret = Files.writeString(tmp.resolve("secret"), "SECRETTOKEN123\n");
    Files.createSymbolicLink(puppet.resolve("leak.yaml"), secret);
    Workspace ws = Workspace.open(Map.of(Repository.PUPPET, puppet, Repository.DNS, tmp.resolve("missing")));

    assertThat(ws.problem(Repository.DNS)).get().asString().contains("missing");
    assertThat(ws.tree(Repository.DNS)).isEmpty();
    SafeTree tree = ws.tree(Repository.PUPPET).orElseThrow();
    assertThatThrownBy(() -> tree.read(puppet.resolve("leak.yaml"))).isInstanceOf(TreeException.class)
        .hasMessageNotContaining("SECRETTOKEN123");
    assertThat(ws.reads().diskReads()).isZero();
  }
}
