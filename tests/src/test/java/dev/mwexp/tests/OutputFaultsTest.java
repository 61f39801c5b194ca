package dev.mwexp.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.mwexp.export.Artifacts;
import dev.mwexp.export.OutputDirectory;
import dev.mwexp.export.OutputException;
import dev.mwexp.testing.Fixtures;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults while writing the output: the disk filling up at every point of a write, a writer killed
 * at random moments, and writers racing. The directory is always the complete old tree or the
 * complete new one, and nothing outside it changes.
 */
class OutputFaultsTest {

  @TempDir Path tmp;

  private static Map<String, String> tree(Path dir) {
    return Fixtures.snapshot(dir);
  }

  /** The directory's inode: it changes exactly when a writer swaps a new tree in. */
  private static Object identity(Path dir) {
    try {
      return Files.readAttributes(dir, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  /** The one version every file of the tree belongs to; fails on a mixture or a partial tree. */
  private static String versionOf(Path dir) throws IOException {
    Map<String, String> files = tree(dir);
    files.remove(OutputDirectory.MANIFEST);
    assertThat(files).as("complete tree in %s", dir).hasSize(WriterProcess.FILES);
    Set<String> versions = new TreeSet<>();
    files.values().forEach(content -> versions.add(content.lines().findFirst().orElse("")));
    assertThat(versions).as("one version in %s", dir).hasSize(1);
    assertThat(OutputDirectory.manifest(dir)).hasSize(WriterProcess.FILES);
    return versions.iterator().next();
  }

  @Test
  void diskFullAtEveryPointOfTheWriteLeavesTheOldTree() throws Exception {
    Artifacts before = WriterProcess.version("A");
    Artifacts after = WriterProcess.version("B");
    int failures = 0;
    int successes = 0;
    // From too small for anything to big enough for both trees, in steps that land the failure
    // in every phase: staging directories, files, the manifest, the swap.
    for (long size = 64 * 1024; size <= 640 * 1024; size += 8 * 1024) {
      try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setMaxSize(size).setBlockSize(1024).build())) {
        Path out = fs.getPath("/work/out");
        Files.createDirectories(out.getParent());
        Files.writeString(fs.getPath("/work/unrelated.txt"), "keep me");
        boolean first;
        try {
          OutputDirectory.write(out, before);
          first = true;
        } catch (OutputException e) {
          first = false;
          assertThat(Files.exists(out)).isFalse();
        }
        Map<String, String> snapshot = tree(out);
        try {
          OutputDirectory.write(out, after);
          successes++;
          assertThat(versionOf(out)).contains("version B");
        } catch (OutputException e) {
          failures++;
          assertThat(e.getMessage()).contains("cannot write /work/out");
          assertThat(tree(out)).isEqualTo(snapshot);
          if (first) {
            assertThat(versionOf(out)).contains("version A");
          }
        }
        assertThat(Files.readString(fs.getPath("/work/unrelated.txt"))).isEqualTo("keep me");
        try (Stream<Path> siblings = Files.list(out.getParent())) {
          assertThat(siblings.map(p -> p.getFileName().toString()).filter(n -> n.contains("mwexp-new") || n.contains("mwexp-old")))
              .isEmpty();
        }
      }
    }
    assertThat(failures).as("writes that hit a full disk").isGreaterThan(20);
    assertThat(successes).as("writes that fit").isPositive();
    System.out.println("disk full: " + failures + " failed writes left the old tree, " + successes + " fitted");
  }

  private Process writer(Path dir, int rounds, String tag) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), WriterProcess.class.getName(),
            dir.toString(), String.valueOf(rounds), tag)
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("writer-" + tag + ".log").toFile())
        .start();
  }

  @Test
  void aWriterKilledAtAnyMomentLeavesOneCompleteTree() throws Exception {
    Path out = tmp.resolve("out");
    OutputDirectory.write(out, WriterProcess.version("A"));
    Files.writeString(tmp.resolve("unrelated.txt"), "keep me");
    Random random = new Random(42);
    int kills = 12;
    int asideAndRecovered = 0;
    for (int k = 0; k < kills; k++) {
      Process p = writer(out, 1000, "");
      Thread.sleep(300 + random.nextInt(700));
      p.destroyForcibly();
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
      if (!Files.exists(out)) {
        // Killed between the two renames: the old tree waits aside until the next write or recover.
        asideAndRecovered++;
        OutputDirectory.recover(out);
      }
      assertThat(versionOf(out)).startsWith("version ");
      assertThat(Files.readString(tmp.resolve("unrelated.txt"))).isEqualTo("keep me");
    }
    OutputDirectory.write(out, WriterProcess.version("C"));
    assertThat(versionOf(out)).isEqualTo("version C");
    System.out.println("kill -9: " + kills + " kills, " + asideAndRecovered + " between the renames, all recovered whole");
  }

  @Test
  void concurrentWritersNeverMix() throws Exception {
    Path out = tmp.resolve("out");
    OutputDirectory.write(out, WriterProcess.version("A"));
    List<Process> writers = new ArrayList<>();
    writers.add(writer(out, 15, "x"));
    writers.add(writer(out, 15, "y"));
    int samples = 0;
    while (writers.stream().anyMatch(Process::isAlive)) {
      // A reader may see the directory between the renames; it never sees a mixed tree.
      // A reader walking the path while a writer swaps trees can cross from one tree into the
      // other; a read during which the directory stayed the same one must be one whole version.
      Object before = identity(out);
      try {
        String version = versionOf(out);
        if (before != null && before.equals(identity(out))) {
          assertThat(version).matches("version ([xy][AB]|A)");
          samples++;
        }
      } catch (IOException | RuntimeException | AssertionError e) {
        if (before != null && before.equals(identity(out))) {
          throw e;
        }
      }
      Thread.sleep(20);
    }
    for (Process p : writers) {
      assertThat(p.waitFor()).as(Files.readString(tmp.resolve("writer-" + (writers.indexOf(p) == 0 ? "x" : "y") + ".log"))).isZero();
    }
    assertThat(versionOf(out)).matches("version [xy][AB]");
    assertThat(samples).as("reads that saw no swap").isPositive();
    System.out.println("concurrent writers: 30 writes, " + samples + " consistent samples");
  }
}
