package dev.mwexp.k8s.chart;

import dev.mwexp.chart.MediawikiChart;
import dev.mwexp.chart.MediawikiChart.Version;
import dev.mwexp.format.json.JsonSpans;
import dev.mwexp.format.yaml.YamlDocument;
import dev.mwexp.format.yaml.YamlKeys;
import dev.mwexp.fragment.Merge;
import dev.mwexp.fragment.MergeConflict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Makes the mediawiki chart's Service take its traffic policies from values, the way Wikimedia
 * changes a chart (modules/README.md there): a new minor version of {@code mesh.service}, copied
 * from the newest one with the two policies added, registered in {@code module.json} and the
 * CHANGELOG; then vendored into the chart as sextant does ({@code package.json}, {@code
 * package.lock}, {@code templates/vendor/mesh/}), with a chart version bump and a {@code .fixtures}
 * case for the chart's CI. Unset, the policies are not rendered, so every other release renders
 * as before. Nothing changes when the vendored module already reads them; a module version that
 * reads them is reused rather than made again.
 */
public record TrafficPolicyChartChange() implements Merge.Derived {

  /** The name users ask for it by. */
  public static final String NAME = "mediawiki-chart-traffic-policy";

  private static final String CHART = MediawikiChart.DIRECTORY;
  private static final String MODULES = MediawikiChart.MESH_MODULES;

  @Override
  public SortedMap<String, Optional<String>> derive(Checkout checkout) throws MergeConflict {
    SortedMap<String, Optional<String>> out = new TreeMap<>();
    String lockFile = CHART + "/package.lock";
    String lock = require(checkout, lockFile);
    Map<String, JsonSpans.Span> lockSpans = at(lockFile, lock);
    String versionPointer = entry(lock, lockSpans, "mesh", "service")
        .orElseThrow(() -> new MergeConflict(0, lockFile + " vendors no mesh.service; the chart's Service comes from"
            + " elsewhere, so mwexp cannot give it traffic policies")) + "/version";
    Version vendored = Version.parse(JsonSpans.string(lock, lockSpans, versionPointer))
        .orElseThrow(() -> new MergeConflict(0, lockFile + ": mesh.service's version is not major.minor.patch"));
    String vendoredFile = MediawikiChart.VENDORED_MESH + "/" + vendored.serviceModuleFile();
    String vendoredText = require(checkout, vendoredFile);
    if (MediawikiChart.readsTrafficPolicies(vendoredText)) {
      return out;
    }
    // The newest module that reads the policies, else a new minor version after the newest one.
    List<String> modules = MediawikiChart.serviceModules(checkout.files(MODULES));
    if (modules.isEmpty()) {
      throw new MergeConflict(0, MODULES + " has no service_<version>.tpl to make the new version from");
    }
    Version target = null;
    String targetText = null;
    for (String name : modules) {
      String text = require(checkout, MODULES + "/" + name);
      if (MediawikiChart.readsTrafficPolicies(text)) {
        target = Version.ofServiceModule(name).orElseThrow();
        targetText = text;
      }
    }
    String moduleJsonFile = MODULES + "/module.json";
    String moduleJson = require(checkout, moduleJsonFile);
    String moduleJsonNow = moduleJson;
    if (target == null) {
      String newest = modules.get(modules.size() - 1);
      Version from = Version.ofServiceModule(newest).orElseThrow();
      target = new Version(from.major(), from.minor() + 1, 0);
      targetText = withPolicies(MODULES + "/" + newest, require(checkout, MODULES + "/" + newest));
      out.put(MODULES + "/" + target.serviceModuleFile(), Optional.of(targetText));
      moduleJsonNow = ModuleJson.withVersionLike(moduleJsonFile, moduleJson, "service", from.minorLine(),
          target.minorLine());
      out.put(moduleJsonFile, Optional.of(moduleJsonNow));
      String changelog = MODULES + "/CHANGELOG.md";
      out.put(changelog, Optional.of(changelog(target, from, checkout.read(changelog).orElse(""))));
    }
    // Vendor it as sextant would: the new file in, the old one out, both pins moved.
    List<String> missing = ModuleJson.missingDependencies(moduleJsonFile, moduleJsonNow, "service", target.minorLine(),
        lockFile, lock);
    if (!missing.isEmpty()) {
      throw new MergeConflict(0, "mesh.service " + target.minorLine() + " needs " + String.join(", ", missing)
          + ", which " + lockFile + " does not vendor; vendor the change with sextant instead");
    }
    Optional<String> pristine = checkout.read(MODULES + "/" + vendored.serviceModuleFile());
    if (pristine.isPresent() && !pristine.get().equals(vendoredText)) {
      throw new MergeConflict(0, vendoredFile + " differs from " + MODULES + "/" + vendored.serviceModuleFile()
          + ": it was edited in place, and replacing it would lose that edit");
    }
    out.put(vendoredFile, Optional.empty());
    out.put(MediawikiChart.VENDORED_MESH + "/" + target.serviceModuleFile(), Optional.of(targetText));
    out.put(lockFile, Optional.of(replace(lock, lockSpans.get(versionPointer), JsonSpans.quote(target.toString()))));
    String packageFile = CHART + "/package.json";
    String pkg = require(checkout, packageFile);
    out.put(packageFile, Optional.of(pinned(packageFile, pkg, vendored, target)));
    String chartFile = CHART + "/Chart.yaml";
    out.put(chartFile, Optional.of(bumped(chartFile, require(checkout, chartFile))));
    String fixture = CHART + "/.fixtures/traffic_policy_local.yaml";
    out.put(fixture, Optional.of(checkout.read(fixture).orElse(FIXTURE)));
    return out;
  }

  /** The module with both policies set from values after its {@code type:} line. */
  static String withPolicies(String file, String module) throws MergeConflict {
    Matcher m = MediawikiChart.SERVICE_TYPE_LINE.matcher(module);
    if (!m.find()) {
      throw new MergeConflict(0, file + " has no 'type: {{ template \"base.helper.serviceType\" . }}' line to put"
          + " the traffic policies after");
    }
    String indent = m.group(1);
    // externalTrafficPolicy is only valid on a Service with node ports; ClusterIP would be refused.
    String policies = indent + "{{- if and .Values.mesh." + MediawikiChart.EXTERNAL_TRAFFIC_POLICY
        + " (ne (include \"base.helper.serviceType\" .) \"ClusterIP\") }}\n"
        + indent + "externalTrafficPolicy: {{ .Values.mesh." + MediawikiChart.EXTERNAL_TRAFFIC_POLICY + " }}\n"
        + indent + "{{- end }}\n"
        + indent + "{{- with .Values.mesh." + MediawikiChart.INTERNAL_TRAFFIC_POLICY + " }}\n"
        + indent + "internalTrafficPolicy: {{ . }}\n"
        + indent + "{{- end }}\n";
    return module.substring(0, m.end()) + policies + module.substring(m.end());
  }

  private static String changelog(Version target, Version from, String existing) {
    return "## service " + target + "\n\n"
        + "- Copy of " + from + ". Set the Service's externalTrafficPolicy and internalTrafficPolicy from\n"
        + "  mesh." + MediawikiChart.EXTERNAL_TRAFFIC_POLICY + " and mesh." + MediawikiChart.INTERNAL_TRAFFIC_POLICY
        + " (externalTrafficPolicy only with node ports).\n"
        + "  Unset, the Service renders as with " + from + ".\n\n" + existing;
  }

  private static String pinned(String file, String pkg, Version from, Version to) throws MergeConflict {
    Map<String, JsonSpans.Span> spans = at(file, pkg);
    String pin = "mesh.service:" + from.minorLine();
    for (var e : spans.entrySet()) {
      JsonSpans.Span s = e.getValue();
      if (pkg.charAt(s.start()) == '"' && pkg.substring(s.start() + 1, s.end() - 1).equals(pin)) {
        return replace(pkg, s, JsonSpans.quote("mesh.service:" + to.minorLine()));
      }
    }
    throw new MergeConflict(0, file + " does not pin " + pin + ", which package.lock vendors");
  }

  private static String bumped(String file, String chart) throws MergeConflict {
    String version;
    try {
      version = YamlDocument.readAll(file, chart).get(0).root().path("version").asText("");
    } catch (RuntimeException e) {
      throw new MergeConflict(0, file + " is not YAML: " + e.getMessage());
    }
    Version v = Version.parse(version).orElseThrow(() -> new MergeConflict(0, file
        + ": version '" + version + "' is not major.minor.patch"));
    return new YamlKeys(Map.of(List.of("version"), new Version(v.major(), v.minor(), v.patch() + 1).toString()),
        List.of(), "").edit(chart);
  }

  /** The pointer of the lock's entry for namespace and module. */
  private static Optional<String> entry(String lock, Map<String, JsonSpans.Span> spans, String namespace,
      String module) throws MergeConflict {
    for (int i = 0; spans.containsKey("/" + i); i++) {
      String p = "/" + i;
      if (spans.containsKey(p + "/namespace") && spans.containsKey(p + "/module")
          && JsonSpans.string(lock, spans, p + "/namespace").equals(namespace)
          && JsonSpans.string(lock, spans, p + "/module").equals(module)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static Map<String, JsonSpans.Span> at(String file, String text) throws MergeConflict {
    try {
      return JsonSpans.of(text);
    } catch (MergeConflict e) {
      throw new MergeConflict(e.line(), file + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.reason());
    }
  }

  static String replace(String text, JsonSpans.Span span, String with) {
    return text.substring(0, span.start()) + with + text.substring(span.end());
  }

  private static String require(Checkout checkout, String file) throws MergeConflict {
    return checkout.read(file).orElseThrow(() -> new MergeConflict(0, file + " is missing; is this a checkout of"
        + " operations/deployment-charts?"));
  }

  /** The chart CI's case: a NodePort Service with both policies Local, as mw-experimental sets them. */
  private static final String FIXTURE = """
      # The TLS Service keeps each request on the node it reached: mesh.service takes both traffic
      # policies from values (mw-experimental's per-host debug backends rely on it).
      mesh:
        enabled: true
        public_port: 4456
        %s: Local
        %s: Local
      """.formatted(MediawikiChart.EXTERNAL_TRAFFIC_POLICY, MediawikiChart.INTERNAL_TRAFFIC_POLICY);
}
