package dev.mwexp.maven;

import dev.mwexp.fragment.Repository;
import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;

/** The repository parameters sync and check share: any subset of the four checkouts. */
final class Checkouts {

  private Checkouts() {}

  static Map<Repository, Path> of(File puppet, File charts, File dns, File mediawikiConfig, String goal)
      throws MojoExecutionException {
    Map<Repository, Path> roots = new EnumMap<>(Repository.class);
    put(roots, Repository.PUPPET, puppet);
    put(roots, Repository.CHARTS, charts);
    put(roots, Repository.DNS, dns);
    put(roots, Repository.MEDIAWIKI_CONFIG, mediawikiConfig);
    if (roots.isEmpty()) {
      throw new MojoExecutionException("mwexp:" + goal + " has no checkout to work on; set at least one of "
          + String.join(", ", java.util.Arrays.stream(Repository.values()).map(r -> "<" + r.mavenParameter() + ">").toList())
          + ", e.g. -Dmwexp." + Repository.PUPPET.mavenParameter() + "=../puppet");
    }
    return roots;
  }

  private static void put(Map<Repository, Path> roots, Repository repository, File dir) {
    if (dir != null) {
      roots.put(repository, dir.toPath());
    }
  }
}
