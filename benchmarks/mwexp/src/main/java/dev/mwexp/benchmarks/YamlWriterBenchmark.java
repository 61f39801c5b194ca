package dev.mwexp.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mwexp.benchmarks.common.SyntheticSetups;
import dev.mwexp.export.Exporters;
import dev.mwexp.format.yaml.JacksonYamlOracle;
import dev.mwexp.format.yaml.YamlText;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 29: mwexp's own YAML writer ({@code TreeEmitter}, behind {@code YamlText.write}) beside
 * the writer it replaced, Jackson's YAML generator over SnakeYAML's emitter with the same features
 * (core's test oracle, which TreeEmitterTest holds byte-identical), on every YAML document a
 * compile of the model writes (hiera, chart values, raw manifests), at 10 and 10,000 hosts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class YamlWriterBenchmark {

  @Param({"10", "10000"})
  int hosts;

  private List<Object> documents;

  @org.openjdk.jmh.annotations.Setup(Level.Trial)
  public void prepare() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    documents = new ArrayList<>();
    var files = Exporters.compile(SyntheticSetups.ofHosts(hosts), List.of("hiera", "helm-values", "k8s")).files();
    for (var f : files.entrySet()) {
      if (f.getKey().endsWith(".yaml")) {
        for (var doc : yaml.readerFor(Object.class).readValues(f.getValue()).readAll()) {
          documents.add(doc);
        }
      }
    }
    for (Object doc : documents) {
      if (!YamlText.write(doc).equals(JacksonYamlOracle.write(doc))) {
        throw new IllegalStateException("the writers disagree on " + doc);
      }
    }
  }

  @Benchmark
  public void treeEmitter(Blackhole bh) {
    for (Object doc : documents) {
      bh.consume(YamlText.write(doc));
    }
  }

  @Benchmark
  public void jacksonYaml(Blackhole bh) {
    for (Object doc : documents) {
      bh.consume(JacksonYamlOracle.write(doc));
    }
  }
}
