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
 * {@code check}, {@code sync --dry-run} and {@code import} read the four checkouts at today's sizes
 * (RealSizedCheckouts: the fixtures grown as operations/dns and operations/puppet are). The commands run as
 * users run them, through {@code ./mwexp} (C1 only, serial GC, the class-data archive), beside the
 * bare {@code java -jar} of the same jar as the baseline.
 *
 * <p>Given a second checkout, built (a worktree of an older commit, say), each command also runs
 * through that checkout's {@code ./mwexp} in the same round, in a column of its own: what the
 * commits between the two bought, measured side by side rather than against old notes.
 *
 * <p>Usage: {@code java -cp benchmarks/mwexp/target/benchmarks.jar dev.mwexp.benchmarks.Startup
 * REPO [rounds [BEFORE_REPO]]}
 */
public final class Startup {

  private Startup() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args[0]).toAbsolutePath().normalize();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 21;
    Path before = args.length > 2 ? Path.of(args[2]).toAbsolutePath().normalize() : null;
    Path work = Files.createTempDirectory("mwexp-startup");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jar = repo.resolve("cli/target/mwexp-cli.jar").toString();

    Path checkouts = work.resolve("checkouts");
    RealSizedCheckouts.create(repo.resolve("fixtures/real-repos"), checkouts, 1);
    Map<String, List<String>> now = commands(repo, repo, checkouts, work.resolve("now"));
    Map<String, List<String>> then = before == null ? Map.of() : commands(before, repo, checkouts, work.resolve("before"));
    // Each wrapper builds its jar and archive if needed, and compile writes the tree check reads.
    for (Map<String, List<String>> set : List.of(now, then)) {
      for (List<String> command : set.values()) {
        ProcessTiming.time(command);
      }
    }
    Map<String, List<String>> all = new LinkedHashMap<>();
    all.put("java -jar mwexp-cli.jar compile (baseline: no archive, default JIT and GC)",
        List.of(java, "-jar", jar, "compile", "--out", work.resolve("bare").toString()));
    now.forEach(all::put);
    then.forEach((name, command) -> all.put("before: " + name, command));

    List<Double> floor = new ArrayList<>();
    Map<String, List<Double>> times = new LinkedHashMap<>();
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    for (String k : all.keySet()) {
      times.put(k, new ArrayList<>());
      ratios.put(k, new ArrayList<>());
    }
    for (int round = -2; round < rounds; round++) {   // two warm-up rounds for the page cache
      double f = ProcessTiming.time(List.of(java, "-version"));
      for (Map.Entry<String, List<String>> c : all.entrySet()) {
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
    if (before == null) {
      System.out.println("| command | ms | × `java -version` |");
      System.out.println("| --- | ---: | ---: |");
      System.out.printf("| `java -version` | %.1f | 1 |%n", ProcessTiming.median(floor));
      for (String k : all.keySet()) {
        System.out.printf("| `%s` | %.1f | %.2f |%n", k, ProcessTiming.median(times.get(k)), ProcessTiming.median(ratios.get(k)));
      }
      return;
    }
    System.out.printf("before: %s%n%n", before);
    System.out.println("| command | before ms | before × `java -version` | now ms | now × `java -version` |");
    System.out.println("| --- | ---: | ---: | ---: | ---: |");
    System.out.printf("| `java -version` | | | %.1f | 1 |%n", ProcessTiming.median(floor));
    String bare = all.keySet().iterator().next();
    System.out.printf("| `%s` | | | %.1f | %.2f |%n", bare, ProcessTiming.median(times.get(bare)), ProcessTiming.median(ratios.get(bare)));
    for (String k : now.keySet()) {
      String b = "before: " + k;
      System.out.printf("| `%s` | %.1f | %.2f | %.1f | %.2f |%n", k, ProcessTiming.median(times.get(b)),
          ProcessTiming.median(ratios.get(b)), ProcessTiming.median(times.get(k)), ProcessTiming.median(ratios.get(k)));
    }
  }

  /**
   * The timed commands through {@code checkout}'s wrapper. The spec and the four checkouts come
   * from {@code fixtures} (the current checkout, so both columns read the same files); each
   * checkout's compile writes its own tree, which its {@code check --against} reads.
   */
  private static Map<String, List<String>> commands(Path checkout, Path fixtures, Path realSized, Path tree) {
    String wrapper = checkout.resolve("mwexp").toString();
    String spec = fixtures.resolve("examples/mw-experimental.yaml").toString();
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("./mwexp compile", List.of(wrapper, "compile", "--out", tree.toString()));
    commands.put("./mwexp validate", List.of(wrapper, "validate"));
    commands.put("./mwexp spec SPEC --explain", List.of(wrapper, "spec", spec, "--explain"));
    commands.put("./mwexp check SPEC --against TREE", List.of(wrapper, "check", spec, "--against", tree.toString()));
    // Today's-sized checkouts, which the built-in model is in sync with (no command here writes).
    String repos = realSized.toString();
    List<String> checkouts = List.of("--puppet", repos + "/puppet", "--charts", repos + "/deployment-charts",
        "--dns", repos + "/dns", "--mediawiki-config", repos + "/mediawiki-config");
    commands.put("./mwexp check SPEC (four checkouts, today's sizes)", concat(List.of(wrapper, "check", spec), checkouts));
    commands.put("./mwexp sync SPEC --dry-run (four checkouts, today's sizes)",
        concat(List.of(wrapper, "sync", spec, "--dry-run"), checkouts));
    commands.put("./mwexp import (four checkouts, today's sizes)", concat(List.of(wrapper, "import"), checkouts));
    return commands;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
