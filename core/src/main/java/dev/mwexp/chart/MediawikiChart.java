package dev.mwexp.chart;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What mwexp knows of Wikimedia's {@code mediawiki} chart and the {@code mesh.service} module its
 * Service comes from, shared by the exporter that changes them and the checker that reads them.
 * Up to {@code mesh.service} 1.2 the Service takes no traffic policy: Kubernetes' default, Cluster.
 */
public final class MediawikiChart {

  /** The chart, in operations/deployment-charts. */
  public static final String DIRECTORY = "charts/mediawiki";

  /** Where the chart's modules are vendored. */
  public static final String VENDORED_MESH = DIRECTORY + "/templates/vendor/mesh";

  /** The shared modules of the {@code mesh} namespace. */
  public static final String MESH_MODULES = "modules/mesh";

  /** The values key of Service.spec.externalTrafficPolicy, under {@code mesh}. */
  public static final String EXTERNAL_TRAFFIC_POLICY = "external_traffic_policy";

  /** The values key of Service.spec.internalTrafficPolicy, under {@code mesh}. */
  public static final String INTERNAL_TRAFFIC_POLICY = "internal_traffic_policy";

  private static final Pattern SERVICE_MODULE = Pattern.compile("service_(\\d+\\.\\d+\\.\\d+)\\.tpl");
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

  /**
   * The {@code type:} line of {@code mesh.service}'s Service spec, its indent as group 1: where the
   * traffic policies go, and where a template without them is named.
   */
  public static final Pattern SERVICE_TYPE_LINE =
      Pattern.compile("(?m)^([ \\t]*)type: \\{\\{ template \"base\\.helper\\.serviceType\" \\. \\}\\}[ \\t]*\\n");

  private MediawikiChart() {}

  /** A module file's version, from its name ({@code service_1.2.1.tpl}). */
  public record Version(int major, int minor, int patch) implements Comparable<Version> {

    public static Optional<Version> ofServiceModule(String fileName) {
      Matcher m = SERVICE_MODULE.matcher(fileName);
      return m.matches() ? parse(m.group(1)) : Optional.empty();
    }

    public static Optional<Version> parse(String text) {
      Matcher m = VERSION.matcher(text);
      return m.matches() ? Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)))) : Optional.empty();
    }

    /** {@code major.minor}, as package.json and module.json pin modules. */
    public String minorLine() {
      return major + "." + minor;
    }

    public String serviceModuleFile() {
      return "service_" + this + ".tpl";
    }

    @Override
    public int compareTo(Version o) {
      return java.util.Comparator.comparingInt(Version::major).thenComparingInt(Version::minor)
          .thenComparingInt(Version::patch).compare(this, o);
    }

    @Override
    public String toString() {
      return major + "." + minor + "." + patch;
    }
  }

  /** Whether a {@code mesh.service} template sets both traffic policies from these values keys. */
  public static boolean readsTrafficPolicies(String template) {
    return template.contains(".Values.mesh." + EXTERNAL_TRAFFIC_POLICY)
        && template.contains(".Values.mesh." + INTERNAL_TRAFFIC_POLICY);
  }

  /** The vendored {@code mesh.service} files of the chart, by version, newest last. */
  public static List<String> serviceModules(List<String> fileNames) {
    return fileNames.stream().filter(n -> Version.ofServiceModule(n).isPresent())
        .sorted(java.util.Comparator.comparing(n -> Version.ofServiceModule(n).orElseThrow())).toList();
  }
}
