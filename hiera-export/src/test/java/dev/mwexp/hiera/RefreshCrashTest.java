package dev.mwexp.hiera;

import static dev.mwexp.hiera.RefreshHost.tree;
import static dev.mwexp.hiera.RefreshHost.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mwexp.hiera.RefreshHost.Run;
import dev.mwexp.testing.RealClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refresh killed at any instant leaves every file old or new, and the next run finishes the
 * job, with no temporary files left and no edit seen where there is none. A full disk is exit 4
 * with its step, and the run after space is freed completes what was begun.
 */
class RefreshCrashTest {

  @TempDir Path tmp;

  private static final int FILES = 300;

  private static String content(int file, int version) {
    return "<?php // file " + file + " of image " + version + "\n" + "x".repeat(file % 7 * 300) + "\n";
  }

  /** Image {@code version}: a third of the files change each version, some come and go. */
  private static Map<String, String> image(int version) {
    Map<String, String> files = new java.util.TreeMap<>();
    for (int i = 0; i < FILES; i++) {
      if ((i + version) % 37 == 0) {
        continue; // absent from this version
      }
      // File i changes every third version, so a third of the files change each time.
      int last = version - Math.floorMod(version - i, 3);
      files.put("dir" + i % 11 + "/sub" + i % 5 + "/f" + i + ".php", content(i, Math.max(last, 0)));
    }
    return files;
  }

  private static void setImage(RefreshHost host, Map<String, String> files) throws Exception {
    RealClients.run(List.of("rm", "-rf", host.image.toString()), null, 30);
    Files.createDirectories(host.image);
    for (Map.Entry<String, String> e : files.entrySet()) {
      write(host.image.resolve(e.getKey()), e.getValue());
    }
  }

  @Test
  void killedAtFiftyRandomInstantsEveryFileIsOldOrNewAndTheNextRunFinishes() throws Exception {
    RefreshHost host = new RefreshHost(tmp);
    setImage(host, image(0));
    host.releaseTag("v0");
    long started = System.nanoTime();
    assertThat(host.run().code()).isZero();
    long fullRunMillis = Math.max(50, (System.nanoTime() - started) / 1_000_000);
    Random random = new Random(20261204);
    List<String> phases = new ArrayList<>();
    for (int version = 1; version <= 50; version++) {
      Map<String, String> before = tree(host.code);
      Map<String, String> next = image(version);
      setImage(host, next);
      host.releaseTag("v" + version);
      Process p = host.start(Map.of());
      if (version % 2 == 0) {
        // Anywhere in the run.
        Thread.sleep(random.nextInt((int) fullRunMillis));
      } else {
        // Once the image is copied: in the merge, the plan, the file replacements or the commit.
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        String line;
        while ((line = out.readLine()) != null && !line.contains("step=copy")) {
          // the steps before
        }
        busyWait(random.nextInt(40_000));
      }
      RefreshHost.killTree(p);
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();

      Map<String, String> after = tree(host.code);
      for (Map.Entry<String, String> e : after.entrySet()) {
        if (e.getKey().contains(".mwexp-refresh-")) {
          continue; // a temporary copy beside its file, removed by the next run (checked below)
        }
        assertThat(e.getValue()).as("version %d, %s", version, e.getKey())
            .isIn(before.get(e.getKey()), next.get(e.getKey()));
      }
      started = System.nanoTime();
      Run finish = host.run();
      fullRunMillis = Math.max(50, (System.nanoTime() - started) / 1_000_000);
      assertThat(finish.code()).as(finish.output()).isZero();
      phases.add(finish.output().contains("step=resume") ? "resumed" : finish.output().contains("nothing to do")
          ? "was done" : "redone");
      assertThat(tree(host.code)).as("version %d: no edit seen where there is none", version).isEqualTo(next);
      assertThat(finish.output()).doesNotContain("step=conflict");
      assertThat(host.leftovers()).isEmpty();
      assertThat(host.containers()).isEmpty();
    }
    // The kills landed before the plan was written, and after it, while files were being replaced.
    assertThat(phases).as(String.valueOf(phases)).contains("resumed", "redone");
  }

  /** Microseconds, finer than sleep's milliseconds: the window between plan and commit is short. */
  private static void busyWait(long micros) {
    long end = System.nanoTime() + micros * 1000;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  /** A tmpfs of {@code size} at {@code dir}, or the test is skipped where mounting is not allowed. */
  private static void mountTmpfs(Path dir, String size) throws Exception {
    Files.createDirectories(dir);
    RealClients.Result r = RealClients.run(List.of("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString()), null, 30);
    assumeTrue(r.exitCode() == 0, "cannot mount a tmpfs here: " + r.output());
  }

  private static void unmount(Path dir) {
    RealClients.run(List.of("umount", "-l", dir.toString()), null, 30);
  }

  @Test
  void aFullDiskWhileCopyingTheImageIsExitFourAndTouchesNothing() throws Exception {
    assumeTrue(RefreshHost.isRoot(), "mounting a small file system needs root");
    RefreshHost host = new RefreshHost(tmp);
    assertThat(host.run().code()).isZero();
    Map<String, String> before = tree(host.code);
    write(host.image.resolve("includes/Big.php"), "x".repeat(600_000));
    host.releaseTag("v2");
    mountTmpfs(host.state, "256k");
    try {
      Run full = host.run();
      assertThat(full.code()).as(full.output()).isEqualTo(4);
      assertThat(full.output()).containsPattern("error step=copy image=\\S+ reason=.*[Nn]o space left");
      assertThat(tree(host.code)).isEqualTo(before);
    } finally {
      unmount(host.state);
    }
    Run r = host.run();
    assertThat(r.code()).as(r.output()).isZero();
    assertThat(tree(host.code)).isEqualTo(tree(host.image));
  }

  @Test
  void aFullDiskWhileReplacingFilesIsExitFourAndTheNextRunCompletesIt() throws Exception {
    assumeTrue(RefreshHost.isRoot(), "mounting a small file system needs root");
    RefreshHost host = new RefreshHost(tmp);
    mountTmpfs(host.code, "512k");
    try {
      assertThat(host.run().code()).isZero();
      for (int i = 0; i < 8; i++) {
        write(host.image.resolve("includes/Big" + i + ".php"), "x".repeat(100_000));
      }
      write(host.image.resolve("index.php"), "<?php // index v2\n");
      host.releaseTag("v2");
      Run full = host.run();
      assertThat(full.code()).as(full.output()).isEqualTo(4);
      assertThat(full.output()).contains("error step=write file=").contains("reason=no space left");

      RealClients.run(List.of("mount", "-o", "remount,size=4m", host.code.toString()), null, 30);
      Run r = host.run();
      assertThat(r.code()).as(r.output()).isZero();
      assertThat(r.output()).contains("step=resume");
      assertThat(tree(host.code)).isEqualTo(tree(host.image));
      assertThat(host.leftovers()).isEmpty();
    } finally {
      unmount(host.code);
    }
  }
}
