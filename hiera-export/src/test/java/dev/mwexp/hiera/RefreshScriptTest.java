package dev.mwexp.hiera;

import static dev.mwexp.hiera.RefreshHost.tree;
import static dev.mwexp.hiera.RefreshHost.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mwexp.hiera.RefreshHost.Run;
import dev.mwexp.testing.RealClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refresh script's steps, options, settings and release files, run for real on a host in a temporary root. */
class RefreshScriptTest {

  @TempDir Path root;

  private RefreshHost host;

  @BeforeEach
  void host() throws Exception {
    host = new RefreshHost(root);
  }

  private static final String IMAGE = "docker-registry.discovery.wmnet/restricted/mediawiki-multiversion:"
      + "2026-11-25-120000-publish-81";

  @Test
  void bringsTheImageInAndRemovesTheContainer() throws Exception {
    Run r = host.run();
    assertThat(r.code()).as(r.output()).isZero();
    assertThat(tree(host.code)).isEqualTo(tree(host.image));
    assertThat(host.containers()).isEmpty();
    assertThat(r.output()).contains("step=release image=" + IMAGE)
        .contains("step=pull", "step=copy", "step=fix-perms", "step=done image=" + IMAGE + " updated=3 removed=0");
    // One journal line a step, each naming the script.
    assertThat(r.output().lines()).allMatch(l -> l.startsWith("mw-experimental-mediawiki-image-update: "));
    // The tree came from this image: nothing to merge, with -f (the old timer's option) or without.
    for (String[] args : List.of(new String[0], new String[] {"-f"})) {
      Run again = host.run(args);
      assertThat(again.code()).isZero();
      assertThat(again.output()).contains("the tree came from it, nothing to do");
    }
    assertThat(Files.readAllLines(host.fake.resolve("copies"))).containsExactly("cp-start", "cp-end");
    assertThat(host.leftovers()).isEmpty();
  }

  /**
   * scap dumps the release file with PyYAML: block style, keys sorted, nested under docker and
   * main_app, quoted where PyYAML quotes, beside keys of its own.
   */
  @Test
  void readsTheReleaseFileAsScapWritesIt() throws Exception {
    List<String> files = List.of(
        // yaml.dump(…, default_flow_style=False) of what scap writes, sorted keys.
        """
            docker:
              registry: docker-registry.discovery.wmnet
            main_app:
              image: restricted/mediawiki-multiversion:2026-11-25-120000-publish-81
              limits:
                cpu: 8
            mw:
              httpd:
                image_tag: restricted/mediawiki-webserver:2026-11-25-120000-publish-81
            """,
        // PyYAML quotes a scalar that would read as another type or holds ': '.
        """
            docker:
              registry: 'docker-registry.discovery.wmnet'
            main_app:
              image: "restricted/mediawiki-multiversion:2026-11-25-120000-publish-81"
            """,
        // A document marker and a comment, as a hand-kept file may have.
        """
            ---
            # scap's release, synced by rsync::quickdatacopy
            docker:
              registry: docker-registry.discovery.wmnet  # the registry
            main_app:
              image: restricted/mediawiki-multiversion:2026-11-25-120000-publish-81
            """,
        // The flat keys of older files.
        """
            registry: docker-registry.discovery.wmnet
            image: restricted/mediawiki-multiversion:2026-11-25-120000-publish-81
            """);
    for (String text : files) {
      host.releaseFile(text);
      Run r = host.run("--reset");
      assertThat(r.code()).as(text + r.output()).isZero();
      assertThat(r.output()).as(text).contains("step=release image=" + IMAGE + "\n");
    }
    // Another key's image (mw.httpd.image_tag, a sidecar's) is never taken for the main one.
    host.releaseFile("docker:\n  registry: docker-registry.discovery.wmnet\nmw:\n  image: restricted/other:1\n");
    Run r = host.run();
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.output()).contains("error step=release file=" + host.release + " reason=no docker.registry or main_app.image");
  }

  @Test
  void deployersCanAlwaysEditAndOthersCannot() throws Exception {
    assumeTrue(RefreshHost.isRoot(), "needs root to make users and groups");
    RealClients.require("setpriv");
    assertThat(host.run().code()).isZero();
    // Whatever the image and the umask gave them.
    Files.setPosixFilePermissions(host.code.resolve("includes"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(host.code.resolve("README"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    write(host.image.resolve("includes/Setup.php"), "<?php // setup v2\n");
    host.releaseTag("v2");
    assertThat(host.run().code()).isZero();

    int gid = RefreshHost.gid(RefreshHost.DEPLOYERS);
    List<String> wrong = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(host.code)) {
      for (Path p : walk.toList()) {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) Files.getAttribute(p, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS);
        boolean groupOk = (Integer) Files.getAttribute(p, "unix:gid", java.nio.file.LinkOption.NOFOLLOW_LINKS) == gid;
        boolean bits = a.isDirectory() ? (mode & 02070) == 02070 : a.permissions().contains(PosixFilePermission.GROUP_WRITE);
        if (!groupOk || !bits) {
          wrong.add(host.code.relativize(p) + " " + Integer.toOctalString(mode));
        }
      }
    }
    assertThat(wrong).isEmpty();

    Path file = host.code.resolve("includes/Setup.php");
    String edit = "echo '// a deployer was here' >> " + file + " && mkdir " + host.code.resolve("includes/mine");
    RealClients.Result member = RealClients.run(List.of("setpriv", "--reuid=mwexp-nobody", "--regid=mwexp-nobody",
        "--groups=" + gid, "/bin/sh", "-c", edit), null, 30);
    assertThat(member.exitCode()).as(member.output()).isZero();
    assertThat(Files.readString(file)).endsWith("// a deployer was here\n");
    // A directory a deployer makes inherits the group (setgid), so the next deployer can write in it too.
    assertThat((Integer) Files.getAttribute(host.code.resolve("includes/mine"), "unix:gid")).isEqualTo(gid);
    RealClients.Result stranger = RealClients.run(List.of("setpriv", "--reuid=mwexp-nobody", "--regid=mwexp-nobody",
        "--clear-groups", "/bin/sh", "-c", "echo x >> " + file), null, 30);
    assertThat(stranger.exitCode()).isNotZero();
  }

  @Test
  void lockedMeansUntouchedAndAnyDeployerMayUnlock() throws Exception {
    assertThat(host.run().code()).isZero();
    write(host.code.resolve("index.php"), "<?php // mine, locked\n");
    Run lock = host.run("--lock", "testing T123");
    assertThat(lock.code()).as(lock.output()).isZero();
    assertThat(Files.readString(host.lockFile)).contains("testing T123");
    Map<String, String> before = tree(host.code);

    write(host.image.resolve("index.php"), "<?php // index v2\n");
    host.releaseTag("v2");
    Run locked = host.run("--reset");
    assertThat(locked.code()).isZero();
    assertThat(locked.output()).contains("step=locked").contains("nothing refreshed");
    assertThat(tree(host.code)).isEqualTo(before);

    if (RefreshHost.isRoot()) {
      // The state directory is the deployers', not sticky: one who did not lock may unlock.
      int gid = RefreshHost.gid(RefreshHost.DEPLOYERS);
      RealClients.Result unlock = RealClients.run(concat(List.of("setpriv", "--reuid=mwexp-nobody", "--regid=mwexp-nobody",
          "--groups=" + gid), host.command("--unlock")), null, 30);
      assertThat(unlock.exitCode()).as(unlock.output()).isZero();
    } else {
      assertThat(host.run("--unlock").code()).isZero();
    }
    assertThat(host.lockFile).doesNotExist();
    assertThat(host.run("--reset").code()).isZero();
    assertThat(tree(host.code)).isEqualTo(tree(host.image));
  }

  /** A refresh that waited on the flock while someone locked leaves the code alone: the lock is read under the flock. */
  @Test
  void theLockIsCheckedUnderTheFlock() throws Exception {
    RealClients.require("flock");
    assertThat(host.run().code()).isZero();
    Files.createDirectories(host.state);
    Path flockFile = host.state.resolve("run.lock");
    Process holder = new ProcessBuilder("flock", flockFile.toString(), "sleep", "3").start();
    Thread.sleep(300);
    write(host.image.resolve("index.php"), "<?php // index v2\n");
    host.releaseTag("v2");
    Process waiting = host.start(Map.of());
    Thread.sleep(300);
    // Locked (as --lock would, once it had the flock) while that refresh waits.
    write(host.lockFile, "locked by someone\n");
    write(host.code.resolve("index.php"), "<?php // edited after locking\n");
    assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
    String out = new String(waiting.getInputStream().readAllBytes());
    assertThat(waiting.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out).contains("step=locked");
    assertThat(Files.readString(host.code.resolve("index.php"))).isEqualTo("<?php // edited after locking\n");
  }

  @Test
  void twoRunsAtOnceNeverInterleave() throws Exception {
    Process first = host.start(Map.of("FAKE_CP_SLEEP", "1"));
    Thread.sleep(200);
    Process second = host.start(Map.of("FAKE_CP_SLEEP", "1"));
    String out1 = new String(first.getInputStream().readAllBytes());
    String out2 = new String(second.getInputStream().readAllBytes());
    assertThat(first.waitFor(60, TimeUnit.SECONDS) && second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).as(out1).isZero();
    assertThat(second.exitValue()).as(out2).isZero();
    // The second waited for the first, then found the tree already from that image.
    assertThat(Files.readAllLines(host.fake.resolve("copies"))).containsExactly("cp-start", "cp-end");
    assertThat(out2).contains("nothing to do");
    assertThat(tree(host.code)).isEqualTo(tree(host.image));
  }

  @Test
  void oldSavedEditsArePrunedByAge() throws Exception {
    assertThat(host.run().code()).isZero();
    Path old = Files.createDirectories(host.edits.resolve("20250101T000000Z/from-image"));
    Files.writeString(old.resolve("index.php"), "old");
    Files.setLastModifiedTime(old.getParent(), java.nio.file.attribute.FileTime.from(
        java.time.Instant.now().minus(java.time.Duration.ofDays(40))));
    write(host.code.resolve("index.php"), "<?php // new edit\n");
    assertThat(host.run("--reset").code()).isZero();
    assertThat(host.saved()).hasSize(1).noneMatch(d -> d.getFileName().toString().startsWith("2025"));
  }

  @Test
  void oldSavedEditsArePrunedByCount() throws Exception {
    assertThat(host.run().code()).isZero();
    for (int i = 0; i < 3; i++) {
      write(host.code.resolve("index.php"), "<?php // edit " + i + "\n");
      Thread.sleep(1100); // one saved directory a second (UTC timestamps)
      assertThat(host.run("--reset").code()).isZero();
    }
    List<Map<String, String>> kept = new ArrayList<>();
    for (Path dir : host.saved()) {
      kept.add(tree(dir));
    }
    // KEEP_COUNT=2: the two newest.
    assertThat(kept).containsExactly(Map.of("edited/index.php", "<?php // edit 1\n"),
        Map.of("edited/index.php", "<?php // edit 2\n"));
  }

  @Test
  void aMissingReleaseFileTouchesNothing() throws Exception {
    write(host.code.resolve("index.php"), "<?php // someone's\n");
    Files.delete(host.release);
    Run r = host.run();
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.output()).contains("error step=release file=" + host.release + " reason=missing or unreadable");
    assertThat(tree(host.code)).containsExactly(Map.entry("index.php", "<?php // someone's\n"));
    assertThat(host.fake.resolve("calls")).doesNotExist();
  }

  @Test
  void optionsAreParsedBeforeAnythingHappens() throws Exception {
    Run r = host.run("--frobnicate");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.output()).contains("Usage:").contains("error step=options unknown=--frobnicate");
    assertThat(host.fake.resolve("calls")).doesNotExist();
    assertThat(host.state).doesNotExist();
  }

  @Test
  void anImageThatCannotBePulledIsExitThreeWithItsStep() throws Exception {
    RefreshHost.executable(root.resolve("bin/crictl"), "#!/bin/bash\necho 'pull access denied' >&2\nexit 1\n");
    Run r = host.run();
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.output()).contains("error step=pull image=" + IMAGE + " reason=pull access denied");
    assertThat(host.code).doesNotExist();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
