package dev.mwexp.benchmarks;

import dev.mwexp.benchmarks.common.Documents;
import dev.mwexp.benchmarks.common.RawWrite;
import dev.mwexp.benchmarks.common.SyntheticSetups;
import dev.mwexp.k8s.KubernetesExporter;
import dev.mwexp.model.Setup;
import java.util.Map;
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

/**
 * The k8s exporter beside baseline 1 (the same manifests written from ready trees) and baseline 2
 * (fabric8 model objects serialized by fabric8). Setup checks that all three are the same
 * documents once parsed, or the comparison is void.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KubernetesBenchmark {

  @Param({"10", "100", "1000", "10000"})
  int hosts;

  private Setup setup;
  private RawWrite baseline;

  @org.openjdk.jmh.annotations.Setup(Level.Trial)
  public void prepare() {
    setup = SyntheticSetups.ofHosts(hosts);
    Map<String, String> ours = new KubernetesExporter().export(setup).files();
    Documents.assertSame("fabric8", ours, Fabric8Manifests.export(setup));
    baseline = new RawWrite(ours);
  }

  @Benchmark
  public void baselineRawWrite(Blackhole bh) {
    baseline.write(bh);
  }

  @Benchmark
  public Object mwexpKubernetesExporter() {
    return new KubernetesExporter().export(setup);
  }

  @Benchmark
  public Object fabric8ModelAndSerializer() {
    return Fabric8Manifests.export(setup);
  }
}
