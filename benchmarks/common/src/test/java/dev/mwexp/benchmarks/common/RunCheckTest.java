package dev.mwexp.benchmarks.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's check on results folders shaped as JMH 1.37 writes them. */
class RunCheckTest {

  @TempDir Path dir;

  private static final String OK_LOG = """
      # JMH version: 1.37
      # Benchmark: dev.mwexp.benchmarks.CompileBenchmark.mwexp
      # Parameters: (hosts = 10)

      # Run progress: 0.00% complete, ETA 00:00:04
      # Fork: 1 of 1
      Iteration   1: 0.123 ms/op

      # Benchmark: dev.mwexp.benchmarks.CompileBenchmark.mwexp
      # Parameters: (hosts = 100)

      Iteration   1: 1.234 ms/op
      """;

  private static String result(String benchmark, String hosts) {
    return "{\"benchmark\": \"" + benchmark + "\", \"params\": {\"hosts\": \"" + hosts + "\"},"
        + " \"primaryMetric\": {\"score\": 1.0, \"scoreError\": 0.1}}";
  }

  @Test
  void aCompleteRunHasNoFailure() throws Exception {
    Files.writeString(dir.resolve("compile.log"), OK_LOG);
    Files.writeString(dir.resolve("compile.json"), "[" + result("dev.mwexp.benchmarks.CompileBenchmark.mwexp", "10") + ", "
        + result("dev.mwexp.benchmarks.CompileBenchmark.mwexp", "100") + "]");
    assertThat(RunCheck.failures(dir, List.of("compile"))).isEmpty();
  }

  @Test
  void aFailedTrialAMissingResultAndAMissingRunAreEachNamed() throws Exception {
    Files.writeString(dir.resolve("pkl.log"), """
        # Benchmark: dev.mwexp.benchmarks.pkl.PklBenchmark.peer
        # Parameters: (hosts = 10)

        # Run progress: 0.00% complete, ETA 00:00:04
        # Fork: 1 of 1
        # Warmup Iteration   1: <failure>

        java.lang.IllegalStateException: Pkl writes other files than mwexp: [hiera.yaml, hieradata/common/mw_experimental.yaml, hieradata/hosts/wikikube-worker-exp00001.dc1.wmnet.yaml]
        \tat dev.mwexp.benchmarks.common.PeerComparison.setUp(PeerComparison.java:80)

        # Benchmark: dev.mwexp.benchmarks.pkl.PklBenchmark.peer
        # Parameters: (hosts = 100)

        Iteration   1: 1.234 ms/op
        """);
    Files.writeString(dir.resolve("pkl.json"), "[]");
    Files.writeString(dir.resolve("compile.log"), OK_LOG);
    Files.writeString(dir.resolve("compile.json"), "[" + result("dev.mwexp.benchmarks.CompileBenchmark.mwexp", "10") + "]");
    assertThat(RunCheck.failures(dir, List.of("pkl", "compile", "jsonnet"))).containsExactly(
        "pkl: dev.mwexp.benchmarks.pkl.PklBenchmark.peer (hosts = 10) failed: java.lang.IllegalStateException: Pkl writes"
            + " other files than mwexp: [hiera.yaml, hieradata/common/mw_experimental.yaml, hieradata/hosts/wikikube-worker-exp00001…",
        "pkl: dev.mwexp.benchmarks.pkl.PklBenchmark.peer (hosts = 100) has no result",
        "compile: dev.mwexp.benchmarks.CompileBenchmark.mwexp (hosts = 100) has no result",
        "jsonnet: no results (jsonnet.log is missing)");
  }
}
