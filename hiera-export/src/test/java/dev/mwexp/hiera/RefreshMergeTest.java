package dev.mwexp.hiera;

import static dev.mwexp.hiera.RefreshHost.tree;
import static dev.mwexp.hiera.RefreshHost.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.mwexp.hiera.RefreshHost.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refresh merges the new image into the tree engineers edited, path by path, against the image
 * the tree last came from: what only the image changed is taken, what only the engineer changed
 * stays, and where both changed the engineer's stays and the image's is saved. Nothing is lost.
 */
class RefreshMergeTest {

  @TempDir Path tmp;

  private static final List<String> PATHS = List.of("index.php", "includes/Setup.php", "includes/deep/Hooks.php",
      "README", "extensions/Foo/extension.json");
  /** A path's content on one side: absent, or one of two versions. */
  private static final List<String> VERSIONS = java.util.Arrays.asList(null, "<?php // one\n", "<?php // two\n");

  private static String version(int code, int side) {
    int v = side == 0 ? code % 3 : side == 1 ? code / 3 % 3 : code / 9 % 3;
    return VERSIONS.get(v);
  }

  private static void put(Path root, String path, String content) throws Exception {
    Path file = root.resolve(path);
    if (content == null) {
      Files.deleteIfExists(file);
    } else {
      write(file, content);
    }
  }

  /**
   * Random base images, random edits on both sides (each path's base, engineer and image version
   * drawn from absent and two contents: every one of the 27 cases), every outcome as the rule says.
   */
  @Test
  void everyOutcomeIsAsTheRuleSaysAndNothingIsLost() {
    AtomicInteger n = new AtomicInteger();
    qt().withFixedSeed(2026_12_04L).withExamples(20)
        .forAll(lists().of(integers().between(0, 26)).ofSize(PATHS.size()))
        .checkAssert(codes -> {
          try {
            check(Files.createDirectories(tmp.resolve("case" + n.incrementAndGet())), codes);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  private void check(Path dir, List<Integer> codes) throws Exception {
    RefreshHost host = new RefreshHost(dir);
    try (var s = Files.walk(host.image)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!p.equals(host.image)) {
          Files.delete(p);
        }
      }
    }
    for (int i = 0; i < PATHS.size(); i++) {
      put(host.image, PATHS.get(i), version(codes.get(i), 0));
    }
    assertThat(host.run().code()).isZero();
    for (int i = 0; i < PATHS.size(); i++) {
      put(host.code, PATHS.get(i), version(codes.get(i), 1));
      put(host.image, PATHS.get(i), version(codes.get(i), 2));
    }
    host.releaseTag("v2");
    Run r = host.run();
    assertThat(r.code()).as(r.output()).isZero();

    Map<String, String> expected = new TreeMap<>();
    List<String> conflicts = new ArrayList<>();
    Map<String, String> fromImage = new TreeMap<>();
    for (int i = 0; i < PATHS.size(); i++) {
      String path = PATHS.get(i);
      String b = version(codes.get(i), 0);
      String d = version(codes.get(i), 1);
      String nw = version(codes.get(i), 2);
      String result = java.util.Objects.equals(d, b) ? nw : d;
      if (result != null) {
        expected.put(path, result);
      }
      if (!java.util.Objects.equals(d, b) && !java.util.Objects.equals(nw, b) && !java.util.Objects.equals(d, nw)) {
        conflicts.add(path);
        if (nw != null) {
          fromImage.put("from-image/" + path, nw);
        }
      }
    }
    assertThat(tree(host.code)).as(codes + "\n" + r.output()).isEqualTo(expected);
    assertThat(Files.readAllLines(host.state.resolve("conflicts"))).as(codes.toString())
        .containsExactlyInAnyOrderElementsOf(conflicts);
    Map<String, String> saved = new TreeMap<>();
    for (Path s : host.saved()) {
      saved.putAll(tree(s));
    }
    assertThat(saved).as(codes.toString()).isEqualTo(fromImage);
    conflicts.forEach(c -> assertThat(r.output()).contains("step=conflict file=" + c + " kept=edited"));
    assertThat(host.leftovers()).isEmpty();

    // The same image again: nothing to merge, nothing moves.
    Run again = host.run("-f");
    assertThat(again.code()).isZero();
    assertThat(tree(host.code)).isEqualTo(expected);
    assertThat(again.output()).contains("nothing to do");
  }

  @Test
  void aConflictIsNamedInTheJournalAndTheMotdAndBothVersionsAreKept() throws Exception {
    RefreshHost host = new RefreshHost(tmp);
    assertThat(host.run().code()).isZero();
    write(host.code.resolve("includes/Setup.php"), "<?php // setup, debugging T1\n");
    write(host.code.resolve("index.php"), "<?php // index, mine only\n");
    write(host.image.resolve("includes/Setup.php"), "<?php // setup v2\n");
    write(host.image.resolve("README"), "readme v2\n");
    host.releaseTag("v2");

    Run r = host.run();

    assertThat(r.code()).as(r.output()).isZero();
    assertThat(tree(host.code)).containsExactly(Map.entry("README", "readme v2\n"),
        Map.entry("includes/Setup.php", "<?php // setup, debugging T1\n"), Map.entry("index.php", "<?php // index, mine only\n"));
    Path saved = host.saved().get(0);
    assertThat(tree(saved)).containsExactly(Map.entry("from-image/includes/Setup.php", "<?php // setup v2\n"));
    assertThat(r.output()).contains("step=conflict file=includes/Setup.php kept=edited image-version=" + saved
        + "/from-image/includes/Setup.php").contains("kept-edits=2 conflicts=1");
    // The motd script the class installs, run as a login runs it.
    String motd = String.join("\n", ProfileClass.conflictsMotd(host.state.toString()));
    dev.mwexp.testing.RealClients.Result shown = dev.mwexp.testing.RealClients.run(List.of("/bin/sh", "-c", motd), null, 10);
    assertThat(shown.output()).contains("includes/Setup.php").doesNotContain("index.php");
  }

  @Test
  void resetReturnsTheTreeExactlyToTheImageAfterSavingTheEdits() throws Exception {
    RefreshHost host = new RefreshHost(tmp);
    assertThat(host.run().code()).isZero();
    write(host.code.resolve("index.php"), "<?php // edited\n");
    write(host.code.resolve("debug/new.php"), "<?php // added by hand\n");
    Files.delete(host.code.resolve("README"));

    Run r = host.run("--reset");

    assertThat(r.code()).as(r.output()).isZero();
    assertThat(tree(host.code)).isEqualTo(tree(host.image));
    assertThat(tree(host.saved().get(0))).containsExactly(Map.entry("edited/debug/new.php", "<?php // added by hand\n"),
        Map.entry("edited/index.php", "<?php // edited\n"));
    assertThat(r.output()).contains("step=edits saved=2");
  }

  @Test
  void theFirstRefreshOfAnUnrecordedTreeSavesWhatItReplaces() throws Exception {
    RefreshHost host = new RefreshHost(tmp);
    write(host.code.resolve("index.php"), "<?php // from the old script's days\n");
    write(host.code.resolve("local.php"), "<?php // not in the image\n");

    Run r = host.run();

    assertThat(r.code()).as(r.output()).isZero();
    // No record tells an edit from an older image's file: the tree becomes the image, and every
    // file it replaces or removes is saved, as the script before this one did.
    assertThat(tree(host.code)).isEqualTo(tree(host.image));
    assertThat(tree(host.saved().get(0))).containsExactly(Map.entry("replaced/index.php", "<?php // from the old script's days\n"),
        Map.entry("replaced/local.php", "<?php // not in the image\n"));
  }

  @Test
  void linksAndExecutableBitsAreContentToo() throws Exception {
    RefreshHost host = new RefreshHost(tmp);
    Files.createSymbolicLink(host.image.resolve("w"), Path.of("."));
    Path bin = host.image.resolve("maintenance/run.php");
    write(bin, "<?php // run\n");
    assertThat(host.run().code()).isZero();
    assertThat(Files.readSymbolicLink(host.code.resolve("w"))).isEqualTo(Path.of("."));
    bin.toFile().setExecutable(true);
    Files.delete(host.image.resolve("w"));
    Files.createSymbolicLink(host.image.resolve("w"), Path.of("includes"));
    host.releaseTag("v2");

    assertThat(host.run().code()).isZero();

    assertThat(Files.readSymbolicLink(host.code.resolve("w"))).isEqualTo(Path.of("includes"));
    assertThat(host.code.resolve("maintenance/run.php").toFile().canExecute()).isTrue();
  }
}
