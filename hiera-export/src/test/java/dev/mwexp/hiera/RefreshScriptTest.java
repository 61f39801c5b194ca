package dev.mwexp.hiera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.testing.RealClients;
import dev.mwexp.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refresh script run for real — bash, rsync, flock, ruby's YAML, a real file system — in a
 * temporary root. No container engine runs here, so {@code nerdctl} and {@code crictl} are small
 * stand-ins of ours on PATH that serve an "image" from a directory and record what they are asked.
 */
class RefreshScriptTest {

  @TempDir Path root;

  private Path image;
  private Path code;
  private Path edits;
  private Path fake;

  @BeforeAll
  static void tools() {
    RealClients.require("rsync");
    RealClients.require("flock");
    RealClients.require("ruby");
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static void executable(Path file, String text) throws IOException {
    write(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @BeforeEach
  void host() throws IOException {
    fake = Files.createDirectories(root.resolve("fake"));
    image = Files.createDirectories(fake.resolve("image"));
    code = root.resolve("srv/mediawiki");
    edits = root.resolve("var/lib/mw-experimental/edits");
    write(image.resolve("index.php"), "<?php // index v1\n");
    write(image.resolve("includes/Setup.php"), "<?php // setup v1\n");
    write(image.resolve("README"), "readme v1\n");
    Path bin = Files.createDirectories(root.resolve("bin"));
    executable(bin.resolve("crictl"), """
        #!/bin/bash
        # Stand-in for crictl: pulling marks the image present.
        echo "crictl $*" >>"$FAKE/calls"
        [[ $1 == pull ]] && touch "$FAKE/pulled"
        """);
    executable(bin.resolve("nerdctl"), """
        #!/bin/bash
        # Stand-in for nerdctl: serves the image from $FAKE/image and records containers.
        [[ $1 == --namespace ]] && shift 2
        echo "nerdctl $*" >>"$FAKE/calls"
        case $1 in
          inspect) [[ -e $FAKE/pulled ]] ;;
          run) name=""; while (($#)); do [[ $1 == --name ]] && name=$2; shift; done
               mkdir -p "$FAKE/containers"; touch "$FAKE/containers/$name"; echo "cid-$name" ;;
          cp) echo cp-start >>"$FAKE/copies"; sleep "${FAKE_CP_SLEEP:-0}"
              cp -a "$FAKE/image/." "$3"; echo cp-end >>"$FAKE/copies" ;;
          rm) rm -f "$FAKE/containers/${@: -1}" ;;
        esac
        """);
    executable(bin.resolve("fix-staging-perms"), "#!/bin/bash\necho fix-perms >>\"$FAKE/calls\"\n");
    write(root.resolve("release/mw-experimental-pinkllama.yaml"),
        "# scap's release file\nregistry: docker-registry.example.wmnet\nimage: restricted/mediawiki-multiversion:2026-11-25\n");
    write(root.resolve("etc/default/refresh"), String.join("\n",
        "MOUNT_PATH=" + code, "RELEASE_FILE=" + root.resolve("release/mw-experimental-pinkllama.yaml"),
        "LOCK_FILE=" + root.resolve("var/lock/refresh.lock"), "EDITS_DIR=" + edits,
        "STATE_DIR=" + root.resolve("var/lib/mw-experimental/state"), "KEEP_DAYS=30", "KEEP_COUNT=2",
        "OWNER=mwdeploy", "GROUP=deployment", "FIX_PERMS=" + bin.resolve("fix-staging-perms"), ""));
    executable(root.resolve("refresh"), HieraExporter.script());
  }

  private Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(root.resolve("refresh").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
    pb.environment().put("FAKE", fake.toString());
    pb.environment().put("MWEXP_IMAGE_UPDATE_CONFIG", root.resolve("etc/default/refresh").toString());
    pb.environment().put("TMPDIR", Files.createDirectories(root.resolve("tmp")).toString());
    pb.environment().put("FAKE_CP_SLEEP", System.getProperty("fake.sleep", "0"));
    return pb.start();
  }

  private record Run(int code, String output) {}

  private Run run(String... args) throws Exception {
    Process p = start(args);
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  private static Map<String, String> tree(Path dir) {
    return Fixtures.snapshot(dir);
  }

  private List<String> containers() throws IOException {
    Path dir = fake.resolve("containers");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).toList();
    }
  }

  @Test
  void replacesTheCodeWithTheImagesAndRemovesTheContainer() throws Exception {
    Run r = run("-f");
    assertThat(r.code()).as(r.output()).isZero();
    assertThat(tree(code)).isEqualTo(tree(image));
    assertThat(containers()).isEmpty();
    assertThat(r.output()).contains("step=release image=docker-registry.example.wmnet/restricted/mediawiki-multiversion:2026-11-25")
        .contains("step=pull", "step=copy", "step=rsync", "step=fix-perms", "step=done");
    // One journal line a step, each naming the script.
    assertThat(r.output().lines()).allMatch(l -> l.startsWith("mw-experimental-mediawiki-image-update: "));
    // Without -f, an image already on the host means nothing to do.
    Run again = run();
    assertThat(again.code()).isZero();
    assertThat(again.output()).contains("present, nothing to do");
  }

  @Test
  void everyEditIsKeptByteForByteBeforeTheTreeIsReplaced() throws Exception {
    assertThat(run("-f").code()).isZero();
    // An engineer edits, adds and deletes; meanwhile a new image changes another file.
    write(code.resolve("index.php"), "<?php // index, edited by hand\n");
    write(code.resolve("debug/new.php"), "<?php // added by hand\n");
    Files.delete(code.resolve("README"));
    write(image.resolve("includes/Setup.php"), "<?php // setup v2\n");

    Run r = run("-f");

    assertThat(r.code()).as(r.output()).isZero();
    assertThat(tree(code)).isEqualTo(tree(image));
    List<Path> saved;
    try (Stream<Path> list = Files.list(edits)) {
      saved = list.toList();
    }
    assertThat(saved).hasSize(1);
    assertThat(tree(saved.get(0))).containsExactly(
        Map.entry("added/debug/new.php", "<?php // added by hand\n"),
        Map.entry("changed/index.php", "<?php // index, edited by hand\n"),
        Map.entry("deleted/README", "readme v1\n"));
    assertThat(r.output()).contains("step=edits saved=3 dir=" + saved.get(0));
  }

  @Test
  void lockedMeansUntouched() throws Exception {
    assertThat(run("-f").code()).isZero();
    write(code.resolve("index.php"), "<?php // mine, locked\n");
    Run lock = run("--lock", "testing T123");
    assertThat(lock.code()).isZero();
    assertThat(Files.readString(root.resolve("var/lock/refresh.lock"))).contains("testing T123");
    Map<String, String> before = tree(code);

    Run locked = run("-f");
    assertThat(locked.code()).isZero();
    assertThat(locked.output()).contains("step=locked").contains("nothing refreshed");
    assertThat(tree(code)).isEqualTo(before);

    assertThat(run("--unlock").code()).isZero();
    assertThat(run("-f").code()).isZero();
    assertThat(tree(code)).isEqualTo(tree(image));
  }

  @Test
  void twoRunsAtOnceNeverInterleave() throws Exception {
    System.setProperty("fake.sleep", "1");
    try {
      Process first = start("-f");
      Process second = start("-f");
      String out1 = new String(first.getInputStream().readAllBytes());
      String out2 = new String(second.getInputStream().readAllBytes());
      assertThat(first.waitFor(60, TimeUnit.SECONDS) && second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(first.exitValue()).as(out1).isZero();
      assertThat(second.exitValue()).as(out2).isZero();
    } finally {
      System.clearProperty("fake.sleep");
    }
    assertThat(Files.readAllLines(fake.resolve("copies"))).containsExactly("cp-start", "cp-end", "cp-start", "cp-end");
    assertThat(tree(code)).isEqualTo(tree(image));
  }

  @Test
  void aRunKilledMidwayIsRepairedByTheNext() throws Exception {
    System.setProperty("fake.sleep", "5");
    Process p;
    try {
      p = start("-f");
      // Killed while it copies from the container: no trap runs.
      long deadline = System.currentTimeMillis() + 20_000;
      while (!Files.exists(fake.resolve("copies")) && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } finally {
      System.clearProperty("fake.sleep");
    }
    assertThat(containers()).as("the killed run left its container").isNotEmpty();

    Run r = run("-f");

    assertThat(r.code()).as(r.output()).isZero();
    assertThat(tree(code)).isEqualTo(tree(image));
    assertThat(containers()).isEmpty();
  }

  @Test
  void aRunKilledDuringRsyncIsRepairedByTheNext() throws Exception {
    assertThat(run("-f").code()).isZero();
    write(image.resolve("includes/Setup.php"), "<?php // setup v2, a longer line\n");
    write(image.resolve("extensions/New/New.php"), "<?php // new in v2\n");
    // The real rsync, behind a shim that marks its start and, this once, waits to be killed.
    executable(root.resolve("bin/rsync"), """
        #!/bin/bash
        echo rsync >>"$FAKE/calls"
        [[ -e $FAKE/hold ]] && sleep 30
        exec /usr/bin/rsync "$@"
        """);
    Files.writeString(fake.resolve("hold"), "");
    Process p = start("-f");
    long deadline = System.currentTimeMillis() + 20_000;
    while ((!Files.exists(fake.resolve("calls")) || !Files.readString(fake.resolve("calls")).contains("rsync"))
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    Files.delete(fake.resolve("hold"));

    Run r = run("-f");

    assertThat(r.code()).as(r.output()).isZero();
    assertThat(tree(code)).isEqualTo(tree(image));
    assertThat(containers()).isEmpty();
  }

  @Test
  void oldEditsArePrunedByAge() throws Exception {
    assertThat(run("-f").code()).isZero();
    Path old = Files.createDirectories(edits.resolve("20250101T000000Z/changed"));
    Files.writeString(old.resolve("index.php"), "old");
    Files.setLastModifiedTime(old.getParent(), java.nio.file.attribute.FileTime.from(
        java.time.Instant.now().minus(java.time.Duration.ofDays(40))));
    write(code.resolve("index.php"), "<?php // new edit\n");
    assertThat(run("-f").code()).isZero();
    try (Stream<Path> list = Files.list(edits)) {
      assertThat(list.map(d -> d.getFileName().toString())).hasSize(1).noneMatch(n -> n.startsWith("2025"));
    }
  }

  @Test
  void aMissingReleaseFileTouchesNothing() throws Exception {
    write(code.resolve("index.php"), "<?php // someone's\n");
    Files.delete(root.resolve("release/mw-experimental-pinkllama.yaml"));
    Run r = run("-f");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.output()).contains("error step=release file=" + root.resolve("release/mw-experimental-pinkllama.yaml")
        + " reason=missing or unreadable");
    assertThat(tree(code)).containsExactly(Map.entry("index.php", "<?php // someone's\n"));
    assertThat(Files.exists(fake.resolve("calls"))).isFalse();
  }

  @Test
  void optionsAreParsedBeforeAnythingHappens() throws Exception {
    Run r = run("--frobnicate");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.output()).contains("Usage:").contains("step=options unknown=--frobnicate");
    assertThat(Files.exists(fake.resolve("calls"))).isFalse();
    assertThat(Files.exists(root.resolve("var/lib/mw-experimental/state"))).isFalse();
  }

  @Test
  void oldEditsArePrunedByCount() throws Exception {
    assertThat(run("-f").code()).isZero();
    for (int i = 0; i < 3; i++) {
      write(code.resolve("index.php"), "<?php // edit " + i + "\n");
      Thread.sleep(1100); // one edits directory a second (UTC timestamps)
      assertThat(run("-f").code()).isZero();
    }
    try (Stream<Path> list = Files.list(edits)) {
      List<Map<String, String>> kept = new ArrayList<>();
      for (Path dir : list.sorted().toList()) {
        kept.add(tree(dir));
      }
      // KEEP_COUNT=2: the two newest.
      assertThat(kept).containsExactly(Map.of("changed/index.php", "<?php // edit 1\n"),
          Map.of("changed/index.php", "<?php // edit 2\n"));
    }
  }
}
