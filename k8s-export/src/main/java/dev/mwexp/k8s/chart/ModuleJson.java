package dev.mwexp.k8s.chart;

import dev.mwexp.format.json.JsonSpans;
import dev.mwexp.fragment.MergeConflict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A namespace's {@code module.json} in operations/deployment-charts: {@code modules}, a list of
 * {name, version (major.minor), depends} objects. Edited by span, so the file keeps its layout.
 */
final class ModuleJson {

  private ModuleJson() {}

  /**
   * The file with a new entry for {@code name} at {@code to}, a copy of its entry at {@code from}
   * (same dependencies: strict semver allows none to change within a major version, and a new
   * minor version that only adds values keeps them), after the module's last entry.
   */
  static String withVersionLike(String file, String text, String name, String from, String to)
      throws MergeConflict {
    Map<String, JsonSpans.Span> spans = TrafficPolicyChartChange.at(file, text);
    List<Integer> entries = entries(text, spans, name);
    String source = null;
    for (int i : entries) {
      if (JsonSpans.string(text, spans, "/modules/" + i + "/version").equals(to)) {
        return text;
      }
      if (JsonSpans.string(text, spans, "/modules/" + i + "/version").equals(from)) {
        source = "/modules/" + i;
      }
    }
    if (source == null) {
      throw new MergeConflict(0, file + " registers no " + name + " " + from);
    }
    JsonSpans.Span entry = spans.get(source);
    JsonSpans.Span version = spans.get(source + "/version");
    String copy = text.substring(entry.start(), version.start()) + JsonSpans.quote(to)
        + text.substring(version.end(), entry.end());
    int last = entries.get(entries.size() - 1);
    JsonSpans.Span after = spans.get("/modules/" + last);
    // The separator the list already uses between two entries: a comma and the line's indent.
    String separator = spans.containsKey("/modules/" + (last + 1))
        ? text.substring(after.end(), spans.get("/modules/" + (last + 1)).start())
        : last > 0 ? text.substring(spans.get("/modules/" + (last - 1)).end(), spans.get("/modules/" + last).start())
        : ",\n";
    return text.substring(0, after.end()) + separator + copy + text.substring(after.end());
  }

  /** The dependencies of {@code name} at {@code version} that the chart's package.lock does not vendor. */
  static List<String> missingDependencies(String file, String moduleJson, String name, String version,
      String lockFile, String lock) throws MergeConflict {
    Map<String, JsonSpans.Span> spans = TrafficPolicyChartChange.at(file, moduleJson);
    Map<String, JsonSpans.Span> lockSpans = TrafficPolicyChartChange.at(lockFile, lock);
    List<String> vendored = new ArrayList<>();
    for (int i = 0; lockSpans.containsKey("/" + i); i++) {
      String v = JsonSpans.string(lock, lockSpans, "/" + i + "/version");
      vendored.add(JsonSpans.string(lock, lockSpans, "/" + i + "/namespace") + "."
          + JsonSpans.string(lock, lockSpans, "/" + i + "/module") + ":" + v.substring(0, v.lastIndexOf('.')));
    }
    List<String> missing = new ArrayList<>();
    for (int i : entries(moduleJson, spans, name)) {
      String p = "/modules/" + i;
      if (JsonSpans.string(moduleJson, spans, p + "/version").equals(version)) {
        for (int d = 0; spans.containsKey(p + "/depends/" + d); d++) {
          String dependency = JsonSpans.string(moduleJson, spans, p + "/depends/" + d);
          if (!vendored.contains(dependency)) {
            missing.add(dependency);
          }
        }
      }
    }
    return missing;
  }

  private static List<Integer> entries(String text, Map<String, JsonSpans.Span> spans, String name)
      throws MergeConflict {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; spans.containsKey("/modules/" + i); i++) {
      if (spans.containsKey("/modules/" + i + "/name")
          && JsonSpans.string(text, spans, "/modules/" + i + "/name").equals(name)) {
        out.add(i);
      }
    }
    return out;
  }
}
