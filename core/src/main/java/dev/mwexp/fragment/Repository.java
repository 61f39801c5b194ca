package dev.mwexp.fragment;

/**
 * The Wikimedia repositories mw-experimental lives in. Each says everything the commands need to
 * name it: the directory compile writes, the CLI option and Maven parameter that take a checkout,
 * and the top-level directory every real checkout has. The CLI's options, the plugin's message
 * and the checkout validation are all made from these.
 */
public enum Repository {
  PUPPET("puppet", "operations/puppet", "puppet", "manifests"),
  CHARTS("deployment-charts", "operations/deployment-charts", "charts", "helmfile.d"),
  DNS("dns", "operations/dns", "dns", "templates"),
  MEDIAWIKI_CONFIG("mediawiki-config", "operations/mediawiki-config", "mediawiki-config", "wmf-config");

  private final String directory;
  private final String project;
  private final String option;
  private final String marker;

  Repository(String directory, String project, String option, String marker) {
    this.directory = directory;
    this.project = project;
    this.option = option;
    this.marker = marker;
  }

  /** The CLI option taking a checkout, without its dashes ({@code charts} for {@code --charts}). */
  public String option() {
    return option;
  }

  /** The Maven parameter taking a checkout ({@code chartsDirectory}). */
  public String mavenParameter() {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : option.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.append("Directory").toString();
  }

  /** A top-level directory every real checkout of the repository has. */
  public String marker() {
    return marker;
  }

  /** The directory under {@code compile --out DIR}. */
  public String directory() {
    return directory;
  }

  /** The Gerrit project. */
  public String project() {
    return project;
  }
}
