package dev.mwexp.benchmarks.jsonnet;

import dev.mwexp.benchmarks.common.PeerComparison;
import dev.mwexp.model.Setup;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;

/** The Jsonnet peer (sjsonnet) beside mwexp and baseline 1 (PeerComparison). */
public class JsonnetBenchmark extends PeerComparison {

  private JsonnetPeer jsonnet;
  private String mainFile;

  @Override
  protected String peer() {
    return "Jsonnet";
  }

  @Override
  protected Map<String, String> startPeer(Setup setup) {
    mainFile = JsonnetPeer.mainFile(setup);
    jsonnet = new JsonnetPeer();
    return jsonnet.render(mainFile);
  }

  /** sjsonnet from the main file and its data; the library's parse is kept. */
  @Benchmark
  public Object jsonnetPeer() {
    return jsonnet.render(mainFile);
  }
}
