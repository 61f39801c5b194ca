package dev.mwexp.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real clients end-to-end tests drive (puppet, luajit, traffic_server, yamllint). A test
 * whose client is missing is skipped locally and fails on CI, where .ci/tools.d installs it.
 */
public final class RealClients {

  private RealClients() {}

  public static void require(String command) {
    boolean present = run(List.of("sh", "-c", "command -v " + command), null, 10).exitCode() == 0;
    if (!present && System.getenv("CI") != null) {
      throw new AssertionError(command + " is not installed; .ci/tools.d installs it on CI");
    }
    assumeTrue(present, command + " is not installed (CI installs it through .ci/tools.d)");
  }

  /** Exit code and merged stdout/stderr of a finished process. */
  public record Result(int exitCode, String output) {}

  public static Result run(List<String> command, Path dir, int timeoutSeconds) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      if (dir != null) {
        pb.directory(dir.toFile());
      }
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(command + " timed out");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(127, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
