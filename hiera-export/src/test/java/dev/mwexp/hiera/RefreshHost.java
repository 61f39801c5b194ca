package dev.mwexp.hiera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.testing.Fixtures;
import dev.mwexp.testing.RealClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A host in a temporary root for the refresh script, run for real (Debian's python3, a real file
 * system). No container engine runs here, so {@code nerdctl} and {@code crictl} are small stand-ins
 * of ours on PATH that serve an "image" from a directory and record what they are asked. The code
 * belongs to the deployment group {@value #DEPLOYERS}, made for the tests when run as root.
 */
final class RefreshHost {

  static final String DEPLOYERS = "mwexp-deployers";
  static final String PYTHON = "/usr/bin/python3";

  final Path root;
  final Path image;
  final Path code;
  final Path edits;
  final Path state;
  final Path fake;
  final Path release;
  final Path lockFile;

  RefreshHost(Path root) throws IOException {
    RealClients.require(PYTHON);
    this.root = root;
    // Others (the deployer and the stranger of the tests) may pass through, as through / on a host.
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    fake = Files.createDirectories(root.resolve("fake"));
    image = Files.createDirectories(fake.resolve("image"));
    code = root.resolve("srv/mediawiki");
    edits = root.resolve("var/lib/mw-experimental/edits");
    state = root.resolve("var/lib/mw-experimental/state");
    release = root.resolve("release/mw-experimental-pinkllama.yaml");
    lockFile = state.resolve("lock");
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
              cp -a "$FAKE/image/." "$3" || exit 1; echo cp-end >>"$FAKE/copies" ;;
          rm) rm -f "$FAKE/containers/${@: -1}" ;;
        esac
        """);
    executable(bin.resolve("fix-staging-perms"), "#!/bin/bash\necho fix-perms >>\"$FAKE/calls\"\n");
    releaseFile("""
        docker:
          registry: docker-registry.discovery.wmnet
        main_app:
          image: restricted/mediawiki-multiversion:2026-11-25-120000-publish-81
        """);
    write(root.resolve("etc/default/refresh"), String.join("\n",
        "MOUNT_PATH=" + code, "RELEASE_FILE=" + release, "LOCK_FILE=" + lockFile, "EDITS_DIR=" + edits,
        "STATE_DIR=" + state, "KEEP_DAYS=30", "KEEP_COUNT=2", "OWNER=root", "GROUP=" + deployers(),
        "FIX_PERMS=" + bin.resolve("fix-staging-perms"), ""));
    executable(root.resolve("refresh"), HieraExporter.script());
  }

  /** The deployment group: made when root may, else the caller's own group. */
  static String deployers() {
    if (isRoot()) {
      RealClients.run(List.of("groupadd", "-f", DEPLOYERS), null, 30);
      return DEPLOYERS;
    }
    return RealClients.run(List.of("id", "-gn"), null, 10).output().strip();
  }

  static boolean isRoot() {
    return RealClients.run(List.of("id", "-u"), null, 10).output().strip().equals("0");
  }

  static int gid(String group) {
    return Integer.parseInt(RealClients.run(List.of("getent", "group", group), null, 10).output().split(":")[2]);
  }

  void releaseFile(String text) throws IOException {
    write(release, text);
  }

  /** A new image tag in scap's release file, so the next run merges it in without -f. */
  void releaseTag(String tag) throws IOException {
    releaseFile("docker:\n  registry: docker-registry.discovery.wmnet\nmain_app:\n  image: restricted/mediawiki-multiversion:"
        + tag + "\n");
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  static void executable(Path file, String text) throws IOException {
    write(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /**
   * Kills a started run and everything it started, as a power cut would: the whole tree is stopped
   * first (SIGSTOP, until no new process appears), so no child can spawn a copier that outlives
   * the kill and writes after the next run has cleaned up; then each is killed and reaped.
   */
  static void killTree(Process p) throws IOException, InterruptedException {
    java.util.Set<Long> stopped = new java.util.HashSet<>();
    while (true) {
      List<ProcessHandle> tree = new ArrayList<>();
      tree.add(p.toHandle());
      p.descendants().forEach(tree::add);
      List<String> fresh = tree.stream().map(ProcessHandle::pid).filter(stopped::add).map(String::valueOf).toList();
      if (fresh.isEmpty()) {
        for (ProcessHandle h : tree) {
          h.destroyForcibly();
        }
        for (ProcessHandle h : tree) {
          try {
            h.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
          } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // a grandchild reparented to a PID 1 that does not reap: killed, never to run again
          }
        }
        return;
      }
      List<String> command = new ArrayList<>(List.of("kill", "-STOP"));
      command.addAll(fresh);
      new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
    }
  }

  Process start(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(root.resolve("refresh").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("PATH", root.resolve("bin") + ":/usr/sbin:/usr/bin:/sbin:/bin");
    pb.environment().put("FAKE", fake.toString());
    pb.environment().put("MWEXP_IMAGE_UPDATE_CONFIG", root.resolve("etc/default/refresh").toString());
    pb.environment().putAll(env);
    return pb.start();
  }

  record Run(int code, String output) {}

  Run run(String... args) throws Exception {
    return run(Map.of(), args);
  }

  Run run(Map<String, String> env, String... args) throws Exception {
    Process p = start(env, args);
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  /** The run as a command line, for setpriv and friends. */
  List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of("env", "PATH=" + root.resolve("bin") + ":/usr/sbin:/usr/bin:/sbin:/bin",
        "FAKE=" + fake, "MWEXP_IMAGE_UPDATE_CONFIG=" + root.resolve("etc/default/refresh"), root.resolve("refresh").toString()));
    command.addAll(List.of(args));
    return command;
  }

  static Map<String, String> tree(Path dir) {
    return Fixtures.snapshot(dir);
  }

  List<String> containers() throws IOException {
    Path dir = fake.resolve("containers");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).toList();
    }
  }

  /** The saved-edits directories, oldest first. */
  List<Path> saved() throws IOException {
    if (!Files.isDirectory(edits)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(edits)) {
      return list.sorted().toList();
    }
  }

  /** Files whose names say a run left them behind: temporary copies, partial saves, staging. */
  List<String> leftovers() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path dir : List.of(code, edits, state)) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.map(Path::toString).filter(p -> p.contains(".mwexp-refresh-") || p.endsWith(".partial")
            || p.contains("/staging") || p.endsWith(".new") || p.endsWith("journal.json")).forEach(found::add);
      }
    }
    return found;
  }
}
