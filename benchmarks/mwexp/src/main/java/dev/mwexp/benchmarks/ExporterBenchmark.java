package dev.mwexp.benchmarks;

import dev.mwexp.benchmarks.common.RawWrite;
import dev.mwexp.benchmarks.common.SyntheticSetups;
import dev.mwexp.export.Exporters;
import dev.mwexp.export.Exporter;
import dev.mwexp.model.Setup;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** Each exporter alone, by model size, beside baseline 1 for the files that exporter writes. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExporterBenchmark {

  @Param({"hiera", "k8s", "helm-values", "ats", "dns"})
  String format;

  @Param({"100", "10000"})
  int hosts;

  private Setup setup;
  private Exporter exporter;
  private RawWrite baseline;

  @org.openjdk.jmh.annotations.Setup(Level.Trial)
  public void prepare() {
    setup = SyntheticSetups.ofHosts(hosts);
    exporter = Exporters.exporters().get(format);
    baseline = new RawWrite(exporter.export(setup).files());
  }

  @Benchmark
  public void baselineRawWrite(Blackhole bh) {
    baseline.write(bh);
  }

  @Benchmark
  public Object export() {
    return exporter.export(setup);
  }
}
