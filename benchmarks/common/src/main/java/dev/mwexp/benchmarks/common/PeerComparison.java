package dev.mwexp.benchmarks.common;

import dev.mwexp.export.Exporters;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import java.util.List;
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
 * What each configuration-language peer is timed beside, in the same run: baseline 1 and mwexp,
 * from the model and from spec text (the peers start from source text). mwexp compiles its hiera
 * and k8s formats whole; the peers write {@link #compared} of them, every file but the Puppet
 * class. A subclass starts its peer and adds one benchmark for it. Setup fails unless the peer
 * writes exactly those files with mwexp's documents.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class PeerComparison {

  /** The formats mwexp compiles for the comparison. */
  public static final List<String> FORMATS = List.of("hiera", "k8s");

  /**
   * The one file of {@link #FORMATS} no peer writes: the Puppet class is Puppet source with a
   * per-host guide of URL-encoded links, text a Pkl or Jsonnet user would not template. mwexp
   * still writes it in every timed compile, so the peers do less work than mwexp, never more.
   */
  public static final String NOT_COMPARED = "puppet/modules/profile/manifests/kubernetes/mediawiki_experimental.pp";

  /** What the peers are compared on: mwexp's files of {@link #FORMATS} but {@link #NOT_COMPARED}. */
  public static Map<String, String> compared(Map<String, String> files) {
    Map<String, String> out = new java.util.TreeMap<>(files);
    if (out.remove(NOT_COMPARED) == null) {
      throw new IllegalStateException("mwexp no longer writes " + NOT_COMPARED + "; update the compared set");
    }
    return out;
  }

  @Param({"10", "100", "1000", "10000"})
  public int hosts;

  private Setup setup;
  private String specText;
  private RawWrite baseline;

  /** The peer's name, for the fairness check. */
  protected abstract String peer();

  /** Makes the peer ready to render {@code setup} and returns the files of one run. */
  protected abstract Map<String, String> startPeer(Setup setup);

  @org.openjdk.jmh.annotations.Setup(Level.Trial)
  public void prepare() {
    setup = SyntheticSetups.ofHosts(hosts);
    specText = Spec.write(setup);
    Map<String, String> ours = Exporters.compile(setup, FORMATS).files();
    Documents.assertSame(peer(), compared(ours), startPeer(setup));
    baseline = new RawWrite(ours);
  }

  @Benchmark
  public void baselineRawWrite(Blackhole bh) {
    baseline.write(bh);
  }

  /** mwexp from the model value, as a tool embedding the library compiles. */
  @Benchmark
  public Object mwexpFromModel() {
    return Exporters.compile(setup, FORMATS);
  }

  /**
   * mwexp from a new model value each time (a copy of the setup and of each of its datacenters):
   * what the compile costs when nothing was computed for the value before, its validation
   * included. From one value (mwexpFromModel), the validation and the derived lists are paid once.
   */
  @Benchmark
  public Object mwexpFromNewModel() {
    return Exporters.compile(SyntheticSetups.newValue(setup), FORMATS);
  }

  /** mwexp from spec text, as the peer starts from its source text. */
  @Benchmark
  public Object mwexpFromSpecText() throws Exception {
    return Exporters.compile(Spec.parse(specText, "bench.yaml"), FORMATS);
  }
}
