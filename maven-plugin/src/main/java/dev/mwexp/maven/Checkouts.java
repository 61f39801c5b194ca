package dev.mwexp.maven;

import dev.mwexp.fragment.Repository;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;

/** The repository parameters sync and check share: any subset of the repositories' checkouts. */
final class Checkouts {

  private Checkouts() {}

  /**
   * Each repository's checkout from {@code <checkouts>} or its {@code -Dmwexp.…Directory}
   * property (the command line wins, as Maven's own properties do); a key naming no repository is
   * an error, not a checkout silently left out.
   */
  static Map<Repository, Path> of(Map<String, File> configured, Properties properties, Path basedir, String goal)
      throws MojoExecutionException {
    List<Repository> all = Repository.all();
    List<String> unknown = new ArrayList<>();
    for (String key : new java.util.TreeSet<>(configured.keySet())) {
      if (all.stream().noneMatch(r -> r.option().equals(key))) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new MojoExecutionException("mwexp:" + goal + ": <checkouts> names no repository: <" + String.join(">, <", unknown)
          + ">; valid: " + String.join(", ", all.stream().map(r -> "<" + r.option() + ">").toList()));
    }
    Map<Repository, Path> roots = new TreeMap<>();
    for (Repository r : all) {
      String property = properties.getProperty("mwexp." + r.mavenParameter());
      if (property != null && !property.isBlank()) {
        roots.put(r, basedir.resolve(property));
      } else if (configured.get(r.option()) != null) {
        roots.put(r, basedir.resolve(configured.get(r.option()).toPath()));
      }
    }
    if (roots.isEmpty()) {
      throw new MojoExecutionException("mwexp:" + goal + " has no checkout to work on; set at least one of "
          + String.join(", ", all.stream().map(r -> "<checkouts><" + r.option() + ">").toList())
          + ", e.g. -Dmwexp." + Repository.PUPPET.mavenParameter() + "=../puppet");
    }
    return roots;
  }
}
