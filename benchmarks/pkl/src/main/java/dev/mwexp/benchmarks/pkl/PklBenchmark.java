package dev.mwexp.benchmarks.pkl;

import dev.mwexp.benchmarks.common.PeerComparison;
import dev.mwexp.model.Setup;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/** The Pkl peer beside mwexp and baseline 1 (PeerComparison). */
public class PklBenchmark extends PeerComparison {

  private PklPeer pkl;
  private String dataModule;

  @Override
  protected String peer() {
    return "Pkl";
  }

  @Override
  protected Map<String, String> startPeer(Setup setup) {
    dataModule = PklPeer.dataModule(setup);
    pkl = new PklPeer();
    return pkl.render(dataModule);
  }

  @TearDown(Level.Trial)
  public void close() {
    pkl.close();
  }

  /** Pkl from the setup's data module; the template is parsed once and kept by the evaluator. */
  @Benchmark
  public Object pklPeer() {
    return pkl.render(dataModule);
  }
}
