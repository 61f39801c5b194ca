package dev.mwexp.benchmarks;

import dev.mwexp.benchmarks.common.SyntheticSetups;
import dev.mwexp.consistency.ArtifactTrees;
import dev.mwexp.consistency.Drift;
import dev.mwexp.consistency.Report;
import dev.mwexp.consistency.RoutingConsistency;
import dev.mwexp.export.Exporters;
import dev.mwexp.model.Setup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code mwexp check --against DIR} on a tree compile wrote, up to 20,000 hosts: the chain and
 * the drift. The report's growth exponent over the sizes says whether it stays linear (it was
 * quadratic: 101 s at 20,000 hosts).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class CheckAgainstBenchmark {

  @Param({"200", "2000", "20000"})
  public int hosts;

  private static final List<String> FORMATS = List.of("hiera", "helm-values", "ats", "dns");

  private Setup setup;
  private Path dir;

  @org.openjdk.jmh.annotations.Setup(Level.Trial)
  public void prepare() throws Exception {
    setup = SyntheticSetups.ofHosts(hosts);
    dir = Files.createTempDirectory("mwexp-against");
    for (var file : Exporters.compile(setup, FORMATS).files().entrySet()) {
      Path p = dir.resolve(file.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, file.getValue());
    }
    Report report = RoutingConsistency.check(ArtifactTrees.of(dir), setup);
    if (!report.violations().isEmpty() || !Drift.between(Exporters.compile(setup, FORMATS), dir).isEmpty()) {
      throw new IllegalStateException("mwexp's own tree does not check clean: " + report.violations());
    }
  }

  @TearDown(Level.Trial)
  public void remove() throws IOException {
    RealSizedCheckouts.delete(dir);
  }

  @Benchmark
  public void checkAgainst(Blackhole bh) throws IOException {
    bh.consume(RoutingConsistency.check(ArtifactTrees.of(dir), setup));
    bh.consume(Drift.between(Exporters.compile(setup, FORMATS), dir));
  }
}
