package dev.mwexp.benchmarks;

import dev.mwexp.benchmarks.common.RawWrite;
import dev.mwexp.benchmarks.common.SyntheticSetups;
import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Exporters;
import dev.mwexp.export.OutputDirectory;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import dev.mwexp.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * mwexp's compile cost by model size, each beside baseline 1 (writing the same documents from
 * ready trees), so the ratio is the cost of modelling.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompileBenchmark {

  @Param({"10", "100", "1000", "10000"})
  int hosts;

  private Setup setup;
  private String specText;
  private RawWrite baseline;
  private Path outDir;

  @org.openjdk.jmh.annotations.Setup(Level.Trial)
  public void prepare() throws Exception {
    setup = SyntheticSetups.ofHosts(hosts);
    specText = Spec.write(setup);
    baseline = new RawWrite(Exporters.compile(setup, Exporters.DEFAULT_FORMATS).files());
    outDir = Files.createTempDirectory("mwexp-bench").resolve("out");
  }

  @TearDown(Level.Trial)
  public void cleanUp() throws Exception {
    OutputDirectory.recover(outDir);
  }

  /** Baseline 1: the same documents from ready trees; no modelling work. */
  @Benchmark
  public void baselineRawWrite(Blackhole bh) {
    baseline.write(bh);
  }

  /** Baseline 1 writing each distinct document once, as the exporters do. */
  @Benchmark
  public void baselineDistinctWrite(Blackhole bh) {
    baseline.writeDistinct(bh);
  }

  @Benchmark
  public Object loadAndValidate() throws Exception {
    return Spec.parse(specText, "bench.yaml");
  }

  @Benchmark
  public Object validateOnly() {
    return Validator.validate(setup);
  }

  @Benchmark
  public Artifacts compileToMemory() {
    return Exporters.compile(setup, Exporters.DEFAULT_FORMATS);
  }

  @Benchmark
  public void compileToDisk() throws Exception {
    OutputDirectory.write(outDir, Exporters.compile(setup, Exporters.DEFAULT_FORMATS));
  }
}
