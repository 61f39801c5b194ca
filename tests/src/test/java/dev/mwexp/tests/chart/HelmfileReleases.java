package dev.mwexp.tests.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The releases of a chart in {@code helmfile.d/services/*}, with their values files in helmfile's
 * order, read from each {@code helmfile.yaml} as text: it is a Go template, not YAML. A release is
 * the chart's when the template it merges ({@code <<: *name}) names the chart. Values files given
 * by absolute path ({@code /etc/helmfile-defaults/…}) are the deployment server's: a stand-in
 * takes the place of each one these tests have, and the others are left out, as
 * {@code missingFileHandler: Warn} allows.
 */
record HelmfileReleases(String service, String release, String environment, List<Path> values) {

  /** The deployment server's values, which stand-ins replace. */
  private static final String HOST_DEFAULTS = "/etc/helmfile-defaults/";

  private static final Pattern TEMPLATE = Pattern.compile("^  ([A-Za-z0-9_-]+): &([A-Za-z0-9_-]+)\\s*$");
  private static final Pattern CHART = Pattern.compile("^    chart: (\\S+)\\s*$");
  private static final Pattern VALUE = Pattern.compile("^      - \"?([^\"#]+?)\"?\\s*(#.*)?$");
  private static final Pattern RELEASE = Pattern.compile("^  - name: (\\S+)\\s*$");
  private static final Pattern MERGE = Pattern.compile("^    <<: \\*([A-Za-z0-9_-]+)\\s*$");

  /** Every release of {@code chart} under {@code helmfile.d/services/mw-*}, in each environment. */
  static List<HelmfileReleases> of(Path checkout, String chart, List<String> environments, Path hostDefaults)
      throws IOException {
    List<HelmfileReleases> out = new ArrayList<>();
    List<Path> services;
    try (Stream<Path> s = Files.list(checkout.resolve("helmfile.d/services"))) {
      services = s.filter(p -> p.getFileName().toString().startsWith("mw-") && Files.isRegularFile(p.resolve("helmfile.yaml")))
          .sorted().toList();
    }
    for (Path dir : services) {
      List<String> lines = Files.readAllLines(dir.resolve("helmfile.yaml"));
      Map<String, List<String>> valuesByAnchor = new LinkedHashMap<>();
      Map<String, String> chartByAnchor = new LinkedHashMap<>();
      String anchor = null;
      boolean inValues = false;
      boolean inReleases = false;
      String release = null;
      for (String line : lines) {
        Matcher m;
        if (line.equals("templates:")) {
          inReleases = false;
        } else if (line.equals("releases:")) {
          inReleases = true;
          anchor = null;
          continue;
        } else if (!line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#")) {
          anchor = null;
          inReleases = false;
        }
        if (inReleases) {
          if ((m = RELEASE.matcher(line)).matches()) {
            release = m.group(1);
          } else if ((m = MERGE.matcher(line)).matches() && release != null && chart.equals(chartByAnchor.get(m.group(1)))) {
            for (String env : environments) {
              List<Path> files = new ArrayList<>();
              for (String v : valuesByAnchor.get(m.group(1))) {
                String path = v.replace("{{ .Environment.Name }}", env).replace("{{`{{ .Release.Name }}`}}", release)
                    .replace("{{ .Release.Name }}", release);
                Path file = path.startsWith(HOST_DEFAULTS) ? hostDefaults.resolve(path.substring(HOST_DEFAULTS.length()))
                    : dir.resolve(path);
                if ((!path.startsWith("/") || path.startsWith(HOST_DEFAULTS)) && !path.contains("{{") && Files.exists(file)) {
                  files.add(file);
                }
              }
              out.add(new HelmfileReleases(dir.getFileName().toString(), release, env, files));
            }
          }
          continue;
        }
        if ((m = TEMPLATE.matcher(line)).matches()) {
          anchor = m.group(2);
          inValues = false;
          valuesByAnchor.put(anchor, new ArrayList<>());
        } else if (anchor != null && (m = CHART.matcher(line)).matches()) {
          chartByAnchor.put(anchor, m.group(1));
        } else if (anchor != null && line.equals("    values:")) {
          inValues = true;
        } else if (anchor != null && inValues && (m = VALUE.matcher(line)).matches()) {
          valuesByAnchor.get(anchor).add(m.group(1).strip());
        } else if (anchor != null && inValues && line.startsWith("    ") && !line.startsWith("      ")) {
          inValues = false;
        }
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return service + "/" + release + "@" + environment;
  }

  /** The release rendered by real Helm from {@code chart}, or {@code "helm failed: …"}. */
  String render(Path chart) {
    TemplateCommand t = new Helm(chart).template().withName(release).withNamespace(service);
    for (Path v : values) {
      t = t.withValuesFile(v);
    }
    try {
      // helm-java gives null for a release that renders no object (mw-cron's main, today).
      return java.util.Objects.requireNonNullElse(t.set("php.servergroup", "kube-" + service).call(), "");
    } catch (RuntimeException e) {
      // The same failure before and after is still "as before"; the count says how many.
      return "helm failed: " + e.getMessage();
    }
  }
}
