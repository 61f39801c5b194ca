package dev.mwexp.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {

  @TempDir Path tmp;

  private static Artifacts artifacts(String... pathsAndContents) {
    Artifacts.Builder b = Artifacts.builder();
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      b.add(pathsAndContents[i], pathsAndContents[i + 1]);
    }
    return b.build();
  }

  private static Map<String, String> tree(Path dir) {
    return Fixtures.snapshot(dir);
  }

  @Test
  void writesTheArtifactsAndAManifest() throws Exception {
    Path out = tmp.resolve("out");
    OutputDirectory.write(out, artifacts("k8s/eqiad/a.yaml", "a: 1\n", "hiera.yaml", "version: 5\n"));

    assertThat(tree(out))
        .containsExactly(
            java.util.Map.entry(".mwexp-manifest",
                OutputDirectory.sha256("version: 5\n".getBytes()) + "  hiera.yaml\n"
                    + OutputDirectory.sha256("a: 1\n".getBytes()) + "  k8s/eqiad/a.yaml\n"),
            java.util.Map.entry("hiera.yaml", "version: 5\n"),
            java.util.Map.entry("k8s/eqiad/a.yaml", "a: 1\n"));
    assertThat(OutputDirectory.manifest(out)).containsExactly("hiera.yaml", "k8s/eqiad/a.yaml");
  }

  @Test
  void rewriteReplacesTheWholeTreeAndLeavesNoTempDirectories() throws Exception {
    Path out = tmp.resolve("out");
    OutputDirectory.write(out, artifacts("old.yaml", "x\n", "keep.yaml", "1\n"));
    OutputDirectory.write(out, artifacts("keep.yaml", "2\n"));

    assertThat(tree(out)).containsOnlyKeys(".mwexp-manifest", "keep.yaml").containsEntry("keep.yaml", "2\n");
    try (Stream<Path> siblings = Files.list(tmp)) {
      // Only the tree and the lock file writers of it take turns on.
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out", ".out.mwexp-lock");
    }
  }

  @Test
  void refusesADirectoryHoldingSomeoneElsesFiles() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("home"));
    Files.writeString(out.resolve("notes.txt"), "mine");

    assertThatThrownBy(() -> OutputDirectory.write(out, artifacts("a.yaml", "a\n")))
        .isInstanceOf(OutputException.class)
        .hasMessageContaining("holds files mwexp did not write");
    assertThat(tree(out)).containsExactly(java.util.Map.entry("notes.txt", "mine"));
  }

  /** Issue 13: whatever a user added to or changed in an output directory stops the next compile. */
  @Test
  void refusesAnOutputDirectoryWhereTheUserAddedOrChangedFiles() throws Exception {
    Path out = tmp.resolve("out");
    Artifacts first = artifacts("hiera.yaml", "version: 5\n", "k8s/eqiad/a.yaml", "a: 1\n");
    OutputDirectory.write(out, first);
    Files.writeString(out.resolve("NOTES.md"), "my notes");
    Files.createDirectories(out.resolve(".git/objects"));
    Files.writeString(out.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.writeString(out.resolve("k8s/eqiad/extra.yaml"), "kind: ConfigMap\n");
    Files.writeString(out.resolve("k8s/eqiad/a.yaml"), "a: 2\n");
    Files.writeString(out.resolve("spec.yaml"), "datacenters: {}\n");
    Files.createSymbolicLink(out.resolve("link"), Path.of("/etc/passwd"));
    Map<String, String> before = tree(out);

    assertThatThrownBy(() -> OutputDirectory.write(out, artifacts("hiera.yaml", "version: 5\n")))
        .isInstanceOfSatisfying(OutputException.class, e -> assertThat(e.offending()).containsExactlyInAnyOrder(
            ".git/ (not written by mwexp)",
            "NOTES.md (not written by mwexp)",
            "k8s/eqiad/a.yaml (changed since mwexp wrote it)",
            "k8s/eqiad/extra.yaml (not written by mwexp)",
            "link (a symbolic link, not written by mwexp)",
            "spec.yaml (not written by mwexp)"));
    assertThat(tree(out)).isEqualTo(before);

    // Exactly mwexp's files (one of them deleted by the user, which loses nothing) may be replaced.
    Path clean = tmp.resolve("clean");
    OutputDirectory.write(clean, first);
    Files.delete(clean.resolve("hiera.yaml"));
    OutputDirectory.write(clean, artifacts("hiera.yaml", "version: 5\n"));
    assertThat(tree(clean)).containsOnlyKeys(".mwexp-manifest", "hiera.yaml");
  }

  @Test
  void refusesAManifestWithoutHashes() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("old"));
    Files.writeString(out.resolve(".mwexp-manifest"), "a.yaml\n");
    Files.writeString(out.resolve("a.yaml"), "a\n");
    assertThatThrownBy(() -> OutputDirectory.write(out, artifacts("a.yaml", "b\n")))
        .isInstanceOfSatisfying(OutputException.class,
            e -> assertThat(e.offending()).containsExactly("a.yaml (changed since mwexp wrote it)"));
    assertThat(Files.readString(out.resolve("a.yaml"))).isEqualTo("a\n");
  }

  @Test
  void refusesAReadOnlyOutputDirectoryAndLeavesNoCopyBehind() throws Exception {
    Path out = tmp.resolve("out");
    OutputDirectory.write(out, artifacts("a.yaml", "a\n"));
    Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assertThatThrownBy(() -> OutputDirectory.write(out, artifacts("a.yaml", "b\n")))
          .isInstanceOf(OutputException.class)
          .hasMessageContaining("read-only");
      assertThat(Files.readString(out.resolve("a.yaml"))).isEqualTo("a\n");
      try (Stream<Path> siblings = Files.list(tmp)) {
        assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out", ".out.mwexp-lock");
      }
    } finally {
      Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aSymlinkAtTheLockPathIsNeverFollowed() throws Exception {
    Path victim = tmp.resolve("victim");
    Files.createSymbolicLink(tmp.resolve(".out.mwexp-lock"), victim);
    assertThatThrownBy(() -> OutputDirectory.write(tmp.resolve("out"), artifacts("a.yaml", "a\n")))
        .isInstanceOf(OutputException.class)
        .hasMessageContaining("is not a regular file");
    assertThat(Files.exists(victim, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.exists(tmp.resolve("out"))).isFalse();
  }

  @Test
  void aFailedWriteLeavesTheDirectoryAsItWas() throws Exception {
    Path out = tmp.resolve("out");
    OutputDirectory.write(out, artifacts("a.yaml", "before\n"));
    Map<String, String> before = tree(out);

    // "x" is a file, so "x/y" cannot be created: the write fails half-way through the staging tree.
    assertThatThrownBy(() -> OutputDirectory.write(out, artifacts("a.yaml", "after\n", "x", "1", "x/y", "2")))
        .isInstanceOf(OutputException.class);

    assertThat(tree(out)).isEqualTo(before);
    try (Stream<Path> siblings = Files.list(tmp)) {
      // Only the tree and the lock file writers of it take turns on.
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out", ".out.mwexp-lock");
    }
  }

  @Test
  void refusesAFileInPlaceOfTheDirectory() throws Exception {
    Path file = Files.writeString(tmp.resolve("out"), "data");
    assertThatThrownBy(() -> OutputDirectory.write(file, artifacts("a", "b")))
        .isInstanceOf(OutputException.class)
        .hasMessageContaining("not a directory");
    assertThat(Files.readString(file)).isEqualTo("data");
  }

  @Test
  void artifactPathsCannotEscape() {
    for (String bad : List.of("../x", "/etc/passwd", "a/../../b", "a//b", "", "a/", ".", "a\\b", "-rf")) {
      assertThat(Artifacts.isSafePath(bad)).as(bad).isFalse();
      assertThatThrownBy(() -> Artifacts.builder().add(bad, "x")).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(Artifacts.isSafePath("hieradata/hosts/wikikube-worker-exp1001.eqiad.wmnet.yaml")).isTrue();
  }
}
