package dev.mwexp.ats;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs scripts under Debian's LuaJIT, the Lua ATS embeds; missing LuaJIT fails on CI, skips elsewhere. */
final class Lua {

  private Lua() {}

  static void require(String command) {
    boolean present = run(List.of("sh", "-c", "command -v " + command), 10).exitCode() == 0;
    if (!present && System.getenv("CI") != null) {
      throw new AssertionError(command + " is not installed; .ci/tools.d/ats.sh installs it on CI");
    }
    assumeTrue(present, command + " is not installed (CI installs it through .ci/tools.d/ats.sh)");
  }

  record Result(int exitCode, String output) {}

  static Result luajit(Path... args) {
    List<String> command = new ArrayList<>(List.of("luajit"));
    for (Path p : args) {
      command.add(p.toString());
    }
    return run(command, 60);
  }

  static Result run(List<String> command, int timeoutSeconds) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
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
