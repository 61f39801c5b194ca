package dev.mwexp.benchmarks.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a benchmark run left undone, from JMH's log and JSON of each run: a trial JMH reports as a
 * {@code <failure>} (with the start of the exception's first line), a result the log announced ({@code #
 * Benchmark:} and its {@code # Parameters:}) that the JSON lacks, or a run with no JSON at all.
 * JMH itself exits 0 on a failed trial and leaves it out of the JSON, so a report of the rest
 * would look complete.
 *
 * <p>Usage: {@code java -cp … RunCheck RESULTS_DIR RUN…}: one line per failure; exit 1 on any.
 */
public final class RunCheck {

  /** An exception's message can list thousands of files; the report needs its start. */
  private static final int MAX_CAUSE = 160;

  private RunCheck() {}

  public static void main(String[] args) throws IOException {
    List<String> failures = failures(Path.of(args[0]), List.of(args).subList(1, args.length));
    failures.forEach(System.out::println);
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  /** Each failure of the named runs ({@code <run>.log} and {@code <run>.json} in {@code dir}). */
  public static List<String> failures(Path dir, List<String> runs) throws IOException {
    List<String> out = new ArrayList<>();
    for (String run : runs) {
      Path log = dir.resolve(run + ".log");
      Path json = dir.resolve(run + ".json");
      if (!Files.exists(log) || !Files.exists(json) || Files.size(json) == 0) {
        out.add(run + ": no results (" + (Files.exists(log) ? json.getFileName() : log.getFileName()) + " is missing)");
        continue;
      }
      Set<String> announced = new LinkedHashSet<>();
      String current = null;
      List<String> lines = Files.readAllLines(log);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.startsWith("# Benchmark: ")) {
          current = line.substring("# Benchmark: ".length()).trim();
          announced.add(current);
        } else if (line.startsWith("# Parameters: ") && current != null) {
          announced.remove(current);
          current = current + " " + line.substring("# Parameters: ".length()).trim();
          announced.add(current);
        } else if (line.trim().endsWith("<failure>")) {
          // JMH 1.37: "# Warmup Iteration   1: <failure>", a blank line, then the exception.
          String cause = lines.stream().skip(i + 1).filter(l -> !l.isBlank()).findFirst().orElse("").trim();
          out.add(run + ": " + current + " failed: " + (cause.length() > MAX_CAUSE ? cause.substring(0, MAX_CAUSE) + "…" : cause));
        }
      }
      Set<String> measured = new LinkedHashSet<>();
      for (JsonNode result : new ObjectMapper().readTree(json.toFile())) {
        StringBuilder params = new StringBuilder();
        for (Map.Entry<String, JsonNode> p : result.path("params").properties()) {
          params.append(params.length() == 0 ? "(" : ", ").append(p.getKey()).append(" = ").append(p.getValue().asText());
        }
        measured.add(result.path("benchmark").asText() + (params.length() == 0 ? "" : " " + params + ")"));
      }
      for (String a : announced) {
        if (!measured.contains(a) && out.stream().noneMatch(f -> f.startsWith(run + ": " + a + " failed"))) {
          out.add(run + ": " + a + " has no result");
        }
      }
    }
    return out;
  }
}
