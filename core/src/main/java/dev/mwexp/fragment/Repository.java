package dev.mwexp.fragment;

/** The four Wikimedia repositories mw-experimental lives in, by the directory name compile uses. */
public enum Repository {
  PUPPET("puppet", "operations/puppet"),
  CHARTS("deployment-charts", "operations/deployment-charts"),
  DNS("dns", "operations/dns"),
  MEDIAWIKI_CONFIG("mediawiki-config", "operations/mediawiki-config");

  private final String directory;
  private final String project;

  Repository(String directory, String project) {
    this.directory = directory;
    this.project = project;
  }

  /** The directory under {@code compile --out DIR}, and the CLI option ({@code --puppet}, …) minus dashes. */
  public String directory() {
    return directory;
  }

  /** The Gerrit project. */
  public String project() {
    return project;
  }
}
