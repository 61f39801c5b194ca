package dev.mwexp.benchmarks.jsonnet;

import dev.mwexp.benchmarks.common.Documents;
import dev.mwexp.benchmarks.common.Peers;
import dev.mwexp.benchmarks.common.RawWrite;
import dev.mwexp.benchmarks.common.SyntheticSetups;
import dev.mwexp.export.Compiler;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
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
 * The Jsonnet peer (sjsonnet) beside mwexp and baseline 1, on the hiera and Kubernetes files of the
 * same setup. Setup fails unless Jsonnet renders exactly mwexp's files and documents.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonnetBenchmark {

  @Param({"10", "100", "1000", "10000"})
  int hosts;

  private Setup setup;
  private String specText;
  private String mainFile;
  private JsonnetPeer jsonnet;
  private RawWrite baseline;

  @org.openjdk.jmh.annotations.Setup(Level.Trial)
  public void prepare() {
    setup = SyntheticSetups.ofHosts(hosts);
    specText = Spec.write(setup);
    mainFile = JsonnetPeer.mainFile(setup);
    jsonnet = new JsonnetPeer();
    Map<String, String> ours = Compiler.compile(setup, Peers.FORMATS).files();
    Documents.assertSame("Jsonnet", ours, jsonnet.render(mainFile));
    baseline = new RawWrite(ours);
  }

  @Benchmark
  public void baselineRawWrite(Blackhole bh) {
    baseline.write(bh);
  }

  /** mwexp from the model value, as a tool embedding the library compiles. */
  @Benchmark
  public Object mwexpFromModel() {
    return Compiler.compile(setup, Peers.FORMATS);
  }

  /** mwexp from spec text, as the peer starts from its source text. */
  @Benchmark
  public Object mwexpFromSpecText() throws Exception {
    return Compiler.compile(Spec.parse(specText, "bench.yaml"), Peers.FORMATS);
  }

  /** sjsonnet from the main file and its data; the library's parse is kept. */
  @Benchmark
  public Object jsonnetPeer() {
    return jsonnet.render(mainFile);
  }
}
