package dev.mwexp.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.cli.Main;
import dev.mwexp.testing.Fixtures;
import dev.mwexp.testing.RealClients;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sync as other processes see it: killed at random instants across four checkouts, every file is
 * all-old or all-new once the next command ran, with nothing stray for git; two syncs at once
 * leave one spec's result, never a mix.
 */
class SyncTransactionTest {

  @TempDir Path tmp;

  /** Today's setup, in the fixtures already. */
  static final String A = """
      datacenters:
        eqiad:
          hosts: [wikikube-worker-exp1001.eqiad.wmnet]
        codfw:
          hosts: [wikikube-worker-exp2001.codfw.wmnet]
      """;
  /** Another eqiad host, codfw dropped: files in all four checkouts change. */
  static final String B = """
      datacenters:
        eqiad:
          hosts: [wikikube-worker-exp1001.eqiad.wmnet, wikikube-worker-exp1002.eqiad.wmnet]
      """;
  /** Another codfw host. */
  static final String C = """
      datacenters:
        eqiad:
          hosts: [wikikube-worker-exp1001.eqiad.wmnet]
        codfw:
          hosts: [wikikube-worker-exp2001.codfw.wmnet, wikikube-worker-exp2002.codfw.wmnet]
      """;

  /** DIR once|loop SPEC...: syncs the specs in turn, once each or for ever (until killed). */
  public static final class SyncLoop {
    public static void main(String[] args) {
      PrintWriter quiet = new PrintWriter(java.io.Writer.nullWriter());
      int specs = args.length - 2;
      for (int i = 0; args[1].equals("loop") || i < specs; i++) {
        Main.run(quiet, quiet, concat(new String[] {"sync", args[2 + i % specs]}, checkoutArgs(Path.of(args[0]))));
      }
    }
  }

  static String[] checkoutArgs(Path dir) {
    return new String[] {"--puppet", dir.resolve("puppet").toString(), "--charts", dir.resolve("deployment-charts").toString(),
        "--dns", dir.resolve("dns").toString(), "--mediawiki-config", dir.resolve("mediawiki-config").toString()};
  }

  static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private Process java(Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static int sync(Path dir, Path spec) {
    StringWriter err = new StringWriter();
    return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
        concat(new String[] {"sync", spec.toString()}, checkoutArgs(dir)));
  }

  /** The four checkouts of {@code dir} after syncing the specs in turn from the fixtures. */
  private Map<String, String> state(String name, Path... specs) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("expected-" + name));
    Fixtures.copy(dir);
    for (Path spec : specs) {
      sync(dir, spec);
    }
    return checkouts(dir);
  }

  /** The checkouts under {@code dir}: without .git, mwexp's lock files stand beside them, not in them. */
  private static Map<String, String> checkouts(Path dir) {
    Map<String, String> snapshot = new java.util.TreeMap<>(Fixtures.snapshot(dir));
    snapshot.keySet().removeIf(k -> k.endsWith(".mwexp-sync.lock") && !k.contains("/"));
    return snapshot;
  }

  private static void gitInit(Path dir) {
    for (String repo : List.of("puppet", "deployment-charts", "dns", "mediawiki-config")) {
      RealClients.run(List.of("git", "init", "-q"), dir.resolve(repo), 30);
    }
  }

  private static List<String> gitStatus(Path dir) {
    List<String> lines = new ArrayList<>();
    for (String repo : List.of("puppet", "deployment-charts", "dns", "mediawiki-config")) {
      RealClients.run(List.of("git", "status", "--porcelain", "--ignored", "--untracked-files=all"), dir.resolve(repo), 30)
          .output().lines().map(l -> repo + ": " + l).forEach(lines::add);
    }
    return lines;
  }

  /** The files where {@code now} differs from each state, for the message. */
  private static String difference(Map<String, String> now, Map<String, String> a, Map<String, String> b) {
    java.util.function.Function<Map<String, String>, java.util.Set<String>> diff = state -> {
      java.util.Set<String> keys = new java.util.TreeSet<>(state.keySet());
      keys.addAll(now.keySet());
      keys.removeIf(k -> java.util.Objects.equals(state.get(k), now.get(k)));
      return keys;
    };
    return "differs from A in " + diff.apply(a) + ", from B in " + diff.apply(b);
  }

  @Test
  void killedAtFiftyRandomInstantsTheCheckoutsAreAllOldOrAllNew() throws Exception {
    RealClients.require("git");
    Path a = Files.writeString(tmp.resolve("a.yaml"), A);
    Path b = Files.writeString(tmp.resolve("b.yaml"), B);
    Map<String, String> stateA = state("a", a);
    Map<String, String> stateB = state("b", b);
    Map<String, String> stateBA = state("ba", b, a);
    assertThat(stateB).isNotEqualTo(stateA);
    Path dir = Files.createDirectories(tmp.resolve("live"));
    Fixtures.copy(dir);
    gitInit(dir);
    Random random = new Random(20261204);
    int kills = 0;
    List<String> recovered = new ArrayList<>();
    // Fifty kills at least; more, up to 200, until one has landed between the commit and its end
    // (a window of milliseconds, which fifty random instants miss on a slow or busy machine).
    while (kills < 50 || (kills < 200 && recovered.stream().noneMatch(l -> l.contains("had committed: completed it")))) {
      Process loop = java(SyncLoop.class, dir.toString(), "loop", b.toString(), a.toString());
      Thread.sleep(600 + random.nextInt(900));
      loop.destroyForcibly();
      assertThat(loop.waitFor(20, TimeUnit.SECONDS)).isTrue();
      kills++;
      // The next command on these checkouts (a check) finishes or undoes what the kill left.
      StringWriter err = new StringWriter();
      Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
          concat(new String[] {"check", a.toString()}, checkoutArgs(dir)));
      err.toString().lines().filter(l -> l.startsWith("mwexp: an interrupted")).forEach(recovered::add);

      Map<String, String> now = new java.util.TreeMap<>(Fixtures.snapshot(dir));
      now.keySet().removeIf(k -> k.contains("/.git/") || k.endsWith("/.git"));
      assertThat(now).as("after kill %d: %s", kills, difference(now, stateA, stateB)).isIn(stateA, stateB, stateBA);
      assertThat(gitStatus(dir)).noneMatch(l -> l.contains("mwexp"));
    }
    System.out.println("sync killed " + kills + " times; interrupted syncs finished by the next command: " + recovered.size());
    assertThat(recovered).anyMatch(l -> l.contains("had committed: completed it"));
  }

  @Test
  void twoSyncsAtOnceLeaveOneSpecsResultTwentyTimesInARow() throws Exception {
    Path a = Files.writeString(tmp.resolve("a.yaml"), A);
    Path b = Files.writeString(tmp.resolve("b.yaml"), B);
    Path c = Files.writeString(tmp.resolve("c.yaml"), C);
    Map<String, String> bThenC = state("bc", b, c);
    Map<String, String> cThenB = state("cb", c, b);
    for (int round = 0; round < 20; round++) {
      Path dir = Files.createDirectories(tmp.resolve("round" + round));
      Fixtures.copy(dir);
      Process first = java(SyncLoop.class, dir.toString(), "once", b.toString());
      Process second = java(SyncLoop.class, dir.toString(), "once", c.toString());
      assertThat(first.waitFor(120, TimeUnit.SECONDS) && second.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(checkouts(dir)).as("round %d", round).isIn(bThenC, cThenB);
    }
  }
}
