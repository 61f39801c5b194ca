package dev.mwexp.fragment;

import java.util.List;
import java.util.Objects;

/**
 * A Wikimedia repository mw-experimental lives in. It says everything the commands need to name it:
 * the directory compile writes, the CLI option and Maven parameter that take a checkout, and the
 * top-level entry every real checkout has. The four built in are constants here; any other comes
 * from a {@link RepositoryProvider} on the class path, so adding one is new files, not edits to
 * the CLI, the plugin or the checkout validation, which are all made from {@link #all()}.
 */
public final class Repository implements Comparable<Repository> {

  public static final Repository PUPPET = new Repository("puppet", "operations/puppet", "manifests", 0);
  public static final Repository CHARTS = new Repository("deployment-charts", "operations/deployment-charts",
      "helmfile.d", 1, "charts");
  public static final Repository DNS = new Repository("dns", "operations/dns", "templates", 2);
  public static final Repository MEDIAWIKI_CONFIG = new Repository("mediawiki-config", "operations/mediawiki-config",
      "wmf-config", 3);

  /** The built-in four, in the order the commands list them. */
  static final List<Repository> BUILT_IN = List.of(PUPPET, CHARTS, DNS, MEDIAWIKI_CONFIG);

  /** Plug-ins sort after the built-in ones, by directory. */
  private static final int PLUG_IN = Integer.MAX_VALUE;

  private final String directory;
  private final String project;
  private final String marker;
  private final int rank;
  private final String option;

  private Repository(String directory, String project, String marker, int rank) {
    this(directory, project, marker, rank, directory);
  }

  private Repository(String directory, String project, String marker, int rank, String option) {
    if (!directory.matches("[a-z][a-z0-9-]*") || !option.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("a repository's directory and option are lower-case words joined by '-': "
          + directory + ", " + option);
    }
    this.directory = directory;
    this.project = Objects.requireNonNull(project);
    this.marker = Objects.requireNonNull(marker);
    this.rank = rank;
    this.option = option;
  }

  /**
   * A repository a plug-in brings.
   *
   * @param directory its directory under {@code compile --out DIR}, and its CLI option
   * @param project the Gerrit project ({@code operations/alerts})
   * @param marker a top-level entry every real checkout has; {@code *} matches any run of
   *     characters ({@code team-*})
   */
  public static Repository of(String directory, String project, String marker) {
    return new Repository(directory, project, marker, PLUG_IN);
  }

  /** Every repository: the built-in ones, then those of the plug-ins on the class path. */
  public static List<Repository> all() {
    return Repositories.all();
  }

  /** Whether this is one of the four that hold the routing chain (not a plug-in's). */
  public boolean builtIn() {
    return rank != PLUG_IN;
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

  /** A top-level entry every real checkout of the repository has, possibly a glob. */
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

  @Override
  public int compareTo(Repository o) {
    int byRank = Integer.compare(rank, o.rank);
    return byRank != 0 ? byRank : directory.compareTo(o.directory);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Repository r && directory.equals(r.directory);
  }

  @Override
  public int hashCode() {
    return directory.hashCode();
  }

  @Override
  public String toString() {
    return directory;
  }
}
