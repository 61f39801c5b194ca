package dev.mwexp.benchmarks.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tables of JMH results ({@code -rf json}) as markdown: per benchmark class and parameters, each
 * method's time by model size with its ratio to baseline 1 ({@code baselineRawWrite} of the same
 * run and size), the error of both propagated from JMH's 99.9% intervals; then how the time per
 * host grows from 100 to 10,000 hosts, and how much faster mwexp is than each peer.
 *
 * <p>Usage: {@code java -cp benchmarks/common/target/classes:… Report results/*.json}
 */
public final class Report {

  private static final String BASELINE = "baselineRawWrite";
  /** The parameters a table's rows are: the fleet's hosts, or how many times today's checkouts. */
  private static final List<String> SIZES = List.of("hosts", "scale");

  /** One measured value with its error. */
  record Score(double value, double error) {
    Score over(Score other) {
      double ratio = value / other.value;
      return new Score(ratio, ratio * Math.hypot(error / value, other.error / other.value));
    }

    @Override
    public String toString() {
      return Double.isNaN(error) ? fmt(value) : fmt(value) + " ± " + fmt(error);
    }
  }

  private Report() {}

  public static void main(String[] args) throws IOException {
    // class -> other params -> method -> hosts -> score
    Map<String, Map<String, Map<String, Map<Integer, Score>>>> runs = new TreeMap<>();
    Map<String, String> sizeNames = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String file : args) {
      for (JsonNode result : json.readTree(Path.of(file).toFile())) {
        String benchmark = result.path("benchmark").asText();
        int dot = benchmark.lastIndexOf('.');
        String type = benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot);
        String method = benchmark.substring(dot + 1);
        StringBuilder others = new StringBuilder();
        int hosts = 0;
        for (Map.Entry<String, JsonNode> p : result.path("params").properties()) {
          if (SIZES.contains(p.getKey())) {
            hosts = Integer.parseInt(p.getValue().asText());
            sizeNames.put(type, p.getKey());
          } else {
            others.append(others.length() == 0 ? "" : ", ").append(p.getKey()).append('=').append(p.getValue().asText());
          }
        }
        JsonNode metric = result.path("primaryMetric");
        runs.computeIfAbsent(type, t -> new TreeMap<>())
            .computeIfAbsent(others.toString(), o -> new TreeMap<>())
            .computeIfAbsent(method, m -> new TreeMap<>())
            .put(hosts, new Score(metric.path("score").asDouble(), metric.path("scoreError").asDouble(Double.NaN)));
      }
    }
    runs.forEach((type, byParams) -> byParams.forEach(
        (params, methods) -> table(type, sizeNames.getOrDefault(type, "hosts"), params, methods)));
  }

  private static void table(String type, String size, String params, Map<String, Map<Integer, Score>> methods) {
    Map<Integer, Score> baseline = methods.get(BASELINE);
    List<String> columns = new ArrayList<>(methods.keySet());
    columns.remove(BASELINE);
    System.out.printf("### %s%s (ms/op; in brackets, the ratio to baseline 1)%n%n", type, params.isEmpty() ? "" : " " + params);
    StringBuilder header = new StringBuilder("| " + size + " |");
    StringBuilder rule = new StringBuilder("| ---: |");
    if (baseline != null) {
      header.append(" baseline 1 |");
      rule.append(" ---: |");
    }
    for (String column : columns) {
      header.append(' ').append(column).append(" |");
      rule.append(" ---: |");
    }
    System.out.println(header);
    System.out.println(rule);
    for (int hosts : hostsOf(methods)) {
      StringBuilder row = new StringBuilder("| ").append(String.format(Locale.ROOT, "%,d", hosts)).append(" |");
      Score base = baseline == null ? null : baseline.get(hosts);
      if (baseline != null) {
        row.append(' ').append(base == null ? "" : base).append(" |");
      }
      for (String column : columns) {
        Score s = methods.get(column).get(hosts);
        row.append(' ').append(s == null ? "" : s);
        if (s != null && base != null) {
          row.append(" (").append(s.over(base)).append(')');
        }
        row.append(" |");
      }
      System.out.println(row);
    }
    System.out.println();
    growth(methods);
    exponents(size, methods);
    peers(methods);
    System.out.println();
  }

  /**
   * The growth exponent k of time ∝ size^k from the smallest size to the largest, each method's,
   * its error from both ends' JMH errors: 1 is linear, 2 quadratic.
   */
  private static void exponents(String size, Map<String, Map<Integer, Score>> methods) {
    List<Integer> sizes = hostsOf(methods);
    if (sizes.size() < 2 || sizes.get(0) <= 0) {
      return;
    }
    int small = sizes.get(0);
    int large = sizes.get(sizes.size() - 1);
    double span = Math.log((double) large / small);
    List<String> parts = new ArrayList<>();
    methods.forEach((method, bySize) -> {
      Score a = bySize.get(small);
      Score b = bySize.get(large);
      if (a != null && b != null) {
        double k = Math.log(b.value / a.value) / span;
        parts.add(method + " " + new Score(k, Math.hypot(a.error / a.value, b.error / b.value) / span));
      }
    });
    System.out.printf(Locale.ROOT, "Growth exponent from %s %,d to %,d (time ∝ %s^k; 1 = linear): %s.%n%n", size, small,
        large, size, String.join("; ", parts));
  }

  /** Time per host at the largest size over time per host at 100 hosts: 1 is linear. */
  private static void growth(Map<String, Map<Integer, Score>> methods) {
    List<Integer> sizes = hostsOf(methods);
    if (!sizes.contains(100) || sizes.get(sizes.size() - 1) <= 100) {
      return;
    }
    int largest = sizes.get(sizes.size() - 1);
    List<String> parts = new ArrayList<>();
    methods.forEach((method, byHosts) -> {
      Score small = byHosts.get(100);
      Score large = byHosts.get(largest);
      if (small != null && large != null) {
        Score perHost = new Score(large.value / largest, large.error / largest)
            .over(new Score(small.value / 100, small.error / 100));
        parts.add(method + " " + perHost);
      }
    });
    System.out.printf("Time per host at %,d hosts over time per host at 100 (1 = linear): %s.%n%n", largest,
        String.join("; ", parts));
  }

  /** For a peer's run: how many times the peer's time is mwexp's, from the model and from text. */
  private static void peers(Map<String, Map<Integer, Score>> methods) {
    methods.forEach((peer, byHosts) -> {
      if (!peer.endsWith("Peer")) {
        return;
      }
      System.out.printf("Compared on mwexp's %s files but %s, which no peer writes and mwexp still does in every"
          + " timed compile (PeerComparison).%n%n", String.join("+", PeerComparison.FORMATS), PeerComparison.NOT_COMPARED);
      for (String ours : List.of("mwexpFromModel", "mwexpFromNewModel", "mwexpFromSpecText")) {
        Map<Integer, Score> mwexp = methods.get(ours);
        if (mwexp == null) {
          continue;
        }
        List<String> parts = new ArrayList<>();
        byHosts.forEach((hosts, s) -> {
          if (mwexp.containsKey(hosts)) {
            parts.add(String.format(Locale.ROOT, "%,d hosts %s", hosts, s.over(mwexp.get(hosts))));
          }
        });
        System.out.printf("%s / %s (how many times faster mwexp is): %s.%n%n", peer, ours, String.join("; ", parts));
      }
    });
  }

  private static List<Integer> hostsOf(Map<String, Map<Integer, Score>> methods) {
    return methods.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
  }

  private static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "?";
    }
    double abs = Math.abs(v);
    String pattern = abs >= 100 ? "%,.0f" : abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : abs >= 0.1 ? "%.3f" : "%.4f";
    return String.format(Locale.ROOT, pattern, v);
  }
}
