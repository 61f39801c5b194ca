package dev.mwexp.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mwexp.benchmarks.common.Documents;
import dev.mwexp.export.Artifacts;
import dev.mwexp.k8s.KubernetesExporter;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whole processes, timed side by side: the JVM floor ({@code java -version}), {@code mwexp compile}
 * of the built-in model, and {@code kubectl kustomize} of a kustomization that yields the same
 * eqiad manifests as {@code mwexp compile --format k8s} (checked before timing). Prints medians.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.mwexp.benchmarks.ProcessTiming
 * cli/target/mwexp-cli.jar [runs]}
 */
public final class ProcessTiming {

  private ProcessTiming() {}

  public static void main(String[] args) throws Exception {
    String cli = Path.of(args[0]).toAbsolutePath().toString();
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Path work = Files.createTempDirectory("mwexp-timing");
    Path kustomization = kustomization(work, Spec.defaultSetup());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    double floor = median(List.of(java, "-version"), runs);
    double compile = median(List.of(java, "-jar", cli, "compile", "--out", work.resolve("out").toString()), runs);
    double compileK8s = median(List.of(java, "-jar", cli, "compile", "--format", "k8s", "--out", work.resolve("out-k8s").toString()), runs);
    double kustomize = median(List.of("kubectl", "kustomize", kustomization.toString()), runs);
    System.out.printf("runs per command: %d (median wall time)%n", runs);
    System.out.printf("java -version (JVM floor)          %8.1f ms%n", floor);
    System.out.printf("mwexp compile (all formats)        %8.1f ms  (%.2fx floor)%n", compile, compile / floor);
    System.out.printf("mwexp compile --format k8s         %8.1f ms  (%.2fx floor)%n", compileK8s, compileK8s / floor);
    System.out.printf("kubectl kustomize (same manifests) %8.1f ms  (%.2fx mwexp k8s)%n", kustomize, kustomize / compileK8s);
  }

  /** A base of the eqiad manifests and an overlay setting what mwexp derives per datacenter. */
  private static Path kustomization(Path work, Setup setup) throws Exception {
    Artifacts k8s = new KubernetesExporter().export(setup);
    Path base = Files.createDirectories(work.resolve("kustomize/base"));
    List<String> resources = new ArrayList<>();
    for (Map.Entry<String, String> f : k8s.files().entrySet()) {
      if (f.getKey().startsWith("k8s/eqiad/")) {
        String name = f.getKey().substring("k8s/eqiad/".length());
        // The base carries a placeholder replica count; the overlay sets the real one.
        Files.writeString(base.resolve(name), f.getValue().replaceFirst("replicas: \\d+", "replicas: 99"));
        resources.add(name);
      }
    }
    Files.writeString(base.resolve("kustomization.yaml"), "resources:\n" + resources.stream().map(r -> "  - " + r + "\n").reduce("", String::concat));
    Path overlay = Files.createDirectories(work.resolve("kustomize/eqiad"));
    int replicas = setup.datacenter("eqiad").orElseThrow().hosts().size();
    Files.writeString(overlay.resolve("kustomization.yaml"), "resources:\n  - ../base\nreplicas:\n  - name: "
        + setup.service().name() + "\n    count: " + replicas + "\n");
    // Fairness: kustomize must yield exactly mwexp's documents.
    Process p = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(out);
    }
    Set<JsonNode> theirs = new HashSet<>(Documents.parse(out));
    Set<JsonNode> ours = new HashSet<>();
    for (Map.Entry<String, String> f : k8s.files().entrySet()) {
      if (f.getKey().startsWith("k8s/eqiad/")) {
        ours.addAll(Documents.parse(f.getValue()));
      }
    }
    if (!theirs.equals(ours)) {
      throw new IllegalStateException("kustomize yields other manifests:\n" + out);
    }
    return overlay;
  }

  private static double median(List<String> command, int runs) throws Exception {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs + 2; i++) {
      double ms = time(command);
      if (i >= 2) {
        times.add(ms);
      }
    }
    return median(times);
  }

  /** One run's wall time in milliseconds, output discarded; fails unless it exits 0. */
  static double time(List<String> command) throws Exception {
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    int code = p.waitFor();
    double ms = (System.nanoTime() - start) / 1e6;
    if (code != 0) {
      throw new IllegalStateException(command + " exited " + code);
    }
    return ms;
  }

  /** The middle value (the upper one of an even count). */
  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    return sorted.get(sorted.size() / 2);
  }
}
