package dev.mwexp.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mwexp.export.YamlText;
import dev.mwexp.k8s.KubernetesExporter;
import dev.mwexp.model.Setup;
import java.util.ArrayList;
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
  private List<Object> trees;

  @org.openjdk.jmh.annotations.Setup(Level.Trial)
  public void prepare() throws Exception {
    // One datacenter per 100 hosts: the manifest count grows with the datacenters.
    setup = SyntheticSetups.of(Math.max(1, Math.min(100, hosts / 100)), hosts);
    Map<String, String> ours = new KubernetesExporter().export(setup).files();
    Map<String, String> fabric8 = Fabric8Manifests.export(setup);
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    if (!ours.keySet().equals(fabric8.keySet())) {
      throw new IllegalStateException("fabric8 peer writes other files: " + fabric8.keySet());
    }
    trees = new ArrayList<>();
    for (Map.Entry<String, String> file : ours.entrySet()) {
      JsonNode mine = yaml.readTree(file.getValue());
      JsonNode theirs = yaml.readTree(fabric8.get(file.getKey()));
      if (!mine.equals(theirs)) {
        throw new IllegalStateException("fabric8 peer differs in " + file.getKey() + ":\n" + file.getValue() + "\n---\n" + fabric8.get(file.getKey()));
      }
      trees.add(yaml.convertValue(mine, Object.class));
    }
  }

  @Benchmark
  public void baselineRawWrite(Blackhole bh) {
    for (Object tree : trees) {
      bh.consume(YamlText.write(tree));
    }
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
