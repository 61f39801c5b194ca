package dev.mwexp.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CLI start-up against the JVM floor, paired: every round runs {@code java -version} and then each
 * command once, on the same JDK, so a noisy moment slows both sides of a ratio. Reports, per
 * command, the median wall time and the median of the per-round ratios to {@code java -version}.
 * {@code check} and {@code sync --dry-run} read the fixtures' four checkouts. The commands run as users run them, through {@code ./mwexp} (C1 only, serial GC, the
 * class-data archive), beside the bare {@code java -jar} of the same jar as the baseline.
 *
 * <p>Usage: {@code java -cp benchmarks/mwexp/target/benchmarks.jar dev.mwexp.benchmarks.Startup
 * REPO [rounds]}
 */
public final class Startup {

  private Startup() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args[0]).toAbsolutePath().normalize();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 21;
    Path work = Files.createTempDirectory("mwexp-startup");
    String wrapper = repo.resolve("mwexp").toString();
    String jar = repo.resolve("cli/target/mwexp-cli.jar").toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String spec = repo.resolve("examples/mw-experimental.yaml").toString();
    String tree = work.resolve("tree").toString();
    ProcessTiming.time(List.of(wrapper, "compile", "--out", tree));   // builds the jar and the archive if needed

    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("java -jar mwexp-cli.jar compile (baseline: no archive, default JIT and GC)",
        List.of(java, "-jar", jar, "compile", "--out", work.resolve("bare").toString()));
    commands.put("./mwexp compile", List.of(wrapper, "compile", "--out", work.resolve("out").toString()));
    commands.put("./mwexp validate", List.of(wrapper, "validate"));
    commands.put("./mwexp check SPEC --against TREE", List.of(wrapper, "check", spec, "--against", tree));
    // The fixtures' checkouts, which the built-in model is in sync with (neither command writes).
    String repos = repo.resolve("fixtures/real-repos").toString();
    List<String> checkouts = List.of("--puppet", repos + "/puppet", "--charts", repos + "/deployment-charts",
        "--dns", repos + "/dns", "--mediawiki-config", repos + "/mediawiki-config");
    commands.put("./mwexp check SPEC (four checkouts)", concat(List.of(wrapper, "check", spec), checkouts));
    commands.put("./mwexp sync SPEC --dry-run (four checkouts)", concat(List.of(wrapper, "sync", spec, "--dry-run"), checkouts));

    List<Double> floor = new ArrayList<>();
    Map<String, List<Double>> times = new LinkedHashMap<>();
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    commands.keySet().forEach(k -> {
      times.put(k, new ArrayList<>());
      ratios.put(k, new ArrayList<>());
    });
    for (int round = -2; round < rounds; round++) {   // two warm-up rounds for the page cache
      double f = ProcessTiming.time(List.of(java, "-version"));
      for (Map.Entry<String, List<String>> c : commands.entrySet()) {
        double t = ProcessTiming.time(c.getValue());
        if (round >= 0) {
          times.get(c.getKey()).add(t);
          ratios.get(c.getKey()).add(t / f);
        }
      }
      if (round >= 0) {
        floor.add(f);
      }
    }
    System.out.printf("%s, %d cores, %d paired rounds (medians)%n%n", Runtime.version(),
        Runtime.getRuntime().availableProcessors(), rounds);
    System.out.println("| command | ms | × `java -version` |");
    System.out.println("| --- | ---: | ---: |");
    System.out.printf("| `java -version` | %.1f | 1 |%n", ProcessTiming.median(floor));
    for (String k : commands.keySet()) {
      System.out.printf("| `%s` | %.1f | %.2f |%n", k, ProcessTiming.median(times.get(k)), ProcessTiming.median(ratios.get(k)));
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
