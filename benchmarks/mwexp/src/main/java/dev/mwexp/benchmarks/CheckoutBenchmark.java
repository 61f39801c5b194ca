package dev.mwexp.benchmarks;

import dev.mwexp.consistency.ArtifactTrees;
import dev.mwexp.consistency.Report;
import dev.mwexp.consistency.RoutingConsistency;
import dev.mwexp.export.Exporters;
import dev.mwexp.fragment.Repository;
import dev.mwexp.model.Setup;
import dev.mwexp.repos.Checkouts;
import dev.mwexp.repos.Plan;
import dev.mwexp.repos.Sync;
import dev.mwexp.spec.Spec;
import dev.mwexp.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code sync --dry-run} (the plan) and {@code check} over the four checkouts at today's sizes
 * (RealSizedCheckouts), and with the zone and the routing table ×10 and ×100: what a user waits
 * for on a real checkout, read from disk through the page cache as the CLI reads it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CheckoutBenchmark {

  /** How many times today's zone and routing table. */
  @Param({"1", "10", "100"})
  public int scale;

  private Setup setup;
  private Path dir;
  private Map<Repository, Path> roots;

  @org.openjdk.jmh.annotations.Setup(Level.Trial)
  public void prepare() throws Exception {
    setup = Spec.defaultSetup();
    dir = Files.createTempDirectory("mwexp-checkouts");
    roots = RealSizedCheckouts.create(Path.of(System.getProperty("mwexp.fixtures", "fixtures/real-repos")), dir, scale);
    // The fixtures are in sync with the built-in model: a plan that changes files or a check
    // that finds violations would time a different path than a user's clean checkout takes.
    Plan plan = syncPlan();
    if (!plan.isEmpty()) {
      throw new IllegalStateException("the grown checkouts are not in sync with the built-in model:\n" + plan.diff());
    }
    Report report = checkCheckouts();
    if (!report.violations().isEmpty()) {
      throw new IllegalStateException("the grown checkouts do not check clean: " + report.violations());
    }
  }

  @TearDown(Level.Trial)
  public void remove() throws IOException {
    RealSizedCheckouts.delete(dir);
  }

  /** {@code mwexp sync --dry-run}: every fragment planned against the checkouts; nothing written. */
  @Benchmark
  public Plan syncPlan() throws Exception {
    return Sync.plan(Exporters.fragments(setup), Checkouts.of(roots));
  }

  /** {@code mwexp check} over the checkouts: the chain's links, then the drift plan, one read of each file. */
  @Benchmark
  public void check(Blackhole bh) throws Exception {
    Workspace workspace = Workspace.open(roots);
    bh.consume(checkIn(workspace));
    bh.consume(Sync.plan(Exporters.fragments(setup), Checkouts.of(workspace)));
  }

  private Report checkCheckouts() {
    return checkIn(Workspace.open(roots));
  }

  private Report checkIn(Workspace workspace) {
    ArtifactTrees trees = ArtifactTrees.builder().workspace(workspace).service(setup.service().name()).build();
    return RoutingConsistency.check(trees, setup);
  }
}
