package dev.mwexp.benchmarks;

import dev.mwexp.ats.AtsExporter;
import dev.mwexp.benchmarks.common.RawWrite;
import dev.mwexp.benchmarks.common.SyntheticSetups;
import dev.mwexp.format.lua.LuaTableEditor;
import dev.mwexp.format.lua.LuaTables;
import dev.mwexp.fragment.Fragment;
import dev.mwexp.fragment.Merge;
import dev.mwexp.fragment.MergeConflict;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * sync's edit of the routing script when a spec adds many backends to a checkout's tables, which
 * already hold other services' entries: the ats fragments of a synthetic model applied to the
 * fixture script shaped like operations/puppet's, by host count, beside baseline 1 writing the
 * edited script. compile fills empty tables in one splice; this is the path that grew
 * quadratically until the editor spliced in one pass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoutingTableEditBenchmark {

  @Param({"100", "1000", "10000"})
  int hosts;

  private String script;
  private List<Merge.Edit> edits;
  private RawWrite baseline;

  @org.openjdk.jmh.annotations.Setup(Level.Trial)
  public void prepare() throws Exception {
    Path fixtures = Path.of(System.getProperty("mwexp.fixtures", "fixtures/real-repos"));
    List<Fragment> lua = new AtsExporter().fragments(SyntheticSetups.ofHosts(hosts)).stream()
        .filter(f -> f.path().endsWith(".lua")).toList();
    script = Files.readString(fixtures.resolve("puppet").resolve(lua.get(0).path()));
    edits = lua.stream().map(f -> (Merge.Edit) f.merge()).toList();
    String edited = edit();
    int backends = LuaTableEditor.find(LuaTables.read(edited), List.of("debug_maps", "default", "backends"))
        .orElseThrow().fields().size();
    if (backends < hosts) {
      throw new IllegalStateException("the edit left " + backends + " backends for " + hosts + " hosts");
    }
    baseline = new RawWrite(Map.of(lua.get(0).path(), edited));
  }

  @Benchmark
  public void baselineRawWrite(Blackhole bh) {
    baseline.write(bh);
  }

  @Benchmark
  public String edit() throws MergeConflict {
    String text = script;
    for (Merge.Edit e : edits) {
      text = e.edit(text);
    }
    return text;
  }
}
