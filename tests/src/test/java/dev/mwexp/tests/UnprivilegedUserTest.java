package dev.mwexp.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mwexp.cli.Main;
import dev.mwexp.testing.RealClients;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unreadable files and directories, as a real unprivileged user (root ignores permissions): the
 * CLI jar runs under {@code setpriv} as {@value #USER}, which .ci/run creates. Each unreadable part
 * is one typed line naming the file and "permission denied", never a stack trace or exit 70.
 */
class UnprivilegedUserTest {

  static final String USER = "mwexp-nobody";

  @TempDir Path tmp;

  @BeforeAll
  static void user() {
    boolean root = "root".equals(System.getProperty("user.name"));
    boolean exists = RealClients.run(List.of("id", "-u", USER), null, 10).exitCode() == 0;
    if (System.getenv("CI") != null && (!root || !exists)) {
      throw new AssertionError("CI runs as root with the user " + USER + " (.ci/run creates it)");
    }
    assumeTrue(root && exists, "needs root and the user " + USER + " (.ci/run creates it)");
  }

  private RealClients.Result asUser(String... args) throws IOException {
    Path jar = Files.copy(Path.of("../cli/target/mwexp-cli.jar"), tmp.resolve("mwexp-cli.jar"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of("setpriv", "--reuid=" + USER, "--regid=" + USER,
        "--clear-groups", java, "-jar", jar.toString()));
    command.addAll(List.of(args));
    return RealClients.run(command, tmp, 60);
  }

  private static void open(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.toList()) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
  }

  @Test
  void unreadableFilesAndDirectoriesAreTypedLines() throws Exception {
    Path tree = tmp.resolve("tree");
    assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        "compile", "--out", tree.toString(), "--raw-manifests")).isZero();
    open(tmp);
    Files.setPosixFilePermissions(tree.resolve("dns/templates/wmnet"), PosixFilePermissions.fromString("---------"));
    Files.setPosixFilePermissions(tree.resolve("k8s/codfw"), PosixFilePermissions.fromString("---------"));

    RealClients.Result r = asUser("check", "--against", tree.toString());

    assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
    assertThat(r.output()).doesNotContain("\tat ").doesNotContain("Exception")
        .contains("UNREADABLE dns/templates/wmnet: expected a readable file inside the tree, found cannot read: permission denied")
        .contains("UNREADABLE k8s/codfw: expected a readable file inside the tree, found cannot list: permission denied");

    Path spec = Files.writeString(tmp.resolve("private.yaml"), "datacenters: {}\n");
    Files.setPosixFilePermissions(spec, PosixFilePermissions.fromString("---------"));
    RealClients.Result v = asUser("validate", spec.toString());
    assertThat(v.exitCode()).as(v.output()).isEqualTo(1);
    assertThat(v.output()).startsWith(spec + ": cannot read: permission denied");

    Path readOnlyParent = Files.createDirectories(tmp.resolve("ro"));
    Files.setPosixFilePermissions(readOnlyParent, PosixFilePermissions.fromString("r-xr-xr-x"));
    RealClients.Result c = asUser("compile", "--out", readOnlyParent.resolve("out").toString());
    assertThat(c.exitCode()).as(c.output()).isEqualTo(3);
    assertThat(c.output()).contains("permission denied").doesNotContain("\tat ");
  }
}
