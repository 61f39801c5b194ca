package dev.mwexp.benchmarks;

import dev.mwexp.benchmarks.common.PeerComparison;
import dev.mwexp.benchmarks.common.SyntheticSetups;
import dev.mwexp.export.Exporters;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;

/**
 * A plain loop of what PeerComparison times, for a profiler to watch (JFR's execution samples, say)
 * without JMH's forks: compile the hiera and k8s formats from the model or from spec text, for a
 * number of seconds, then print the mean. Not a measurement to quote; JMH's are. {@code new-model}
 * compiles a new value each time ({@link SyntheticSetups#newValue}), so nothing computed for the value before is
 * reused: its validation and its derived lists are paid on every compile, as {@code model} (one
 * value, as PeerComparison's mwexpFromModel) pays them once.
 *
 * <p>Usage: {@code java -XX:StartFlightRecording=filename=loop.jfr,settings=profile -cp
 * benchmarks/mwexp/target/benchmarks.jar dev.mwexp.benchmarks.CompileLoop HOSTS model|new-model|text SECONDS}
 */
public final class CompileLoop {

  private CompileLoop() {}

  public static void main(String[] args) throws Exception {
    Setup setup = SyntheticSetups.ofHosts(Integer.parseInt(args[0]));
    boolean fromText = args[1].equals("text");
    boolean newModel = args[1].equals("new-model");
    String text = Spec.write(setup);
    long end = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
    long start = System.nanoTime();
    int runs = 0;
    while (System.nanoTime() < end) {
      Setup s = fromText ? Spec.parse(text, "loop.yaml")
          : newModel ? SyntheticSetups.newValue(setup) : setup;
      if (Exporters.compile(s, PeerComparison.FORMATS).files().isEmpty()) {
        throw new IllegalStateException("no files");
      }
      runs++;
    }
    System.out.printf("%d runs, %.4f ms each%n", runs, (System.nanoTime() - start) / 1e6 / runs);
  }
}
