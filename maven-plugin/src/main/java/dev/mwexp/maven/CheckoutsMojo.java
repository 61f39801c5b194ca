package dev.mwexp.maven;

import dev.mwexp.fragment.Repository;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** What sync and check share: the spec, the checkouts, and skip. */
abstract class CheckoutsMojo extends AbstractMojo {

  /** The spec the checkouts follow. */
  @Parameter(property = "mwexp.spec", defaultValue = "${project.basedir}/src/main/mwexp/mw-experimental.yaml")
  File spec;

  /**
   * The checkouts, by the repository's CLI option: {@code <puppet>../puppet</puppet>},
   * {@code <charts>}, {@code <dns>}, {@code <mediawiki-config>}, and any a plug-in on the plugin's
   * class path brings. Each may also be given as {@code -Dmwexp.puppetDirectory=…} (the
   * repository's Maven parameter). Keyed by repository rather than one field each, so a new
   * repository needs no new plugin release.
   */
  @Parameter
  Map<String, File> checkouts;

  /** The command line's {@code -D} properties, for {@code -Dmwexp.<repository>Directory}. */
  @Parameter(defaultValue = "${session.userProperties}", readonly = true)
  Properties userProperties;

  /** What relative checkout paths are resolved against: the project's directory. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  File basedir;

  /** Skip the goal. */
  @Parameter(property = "mwexp.skip", defaultValue = "false")
  boolean skip;

  /** The checkouts given, by repository; a usage error naming the parameters when none is. */
  Map<Repository, Path> checkouts(String goal) throws MojoExecutionException {
    return Checkouts.of(checkouts == null ? Map.of() : checkouts, userProperties == null ? new Properties() : userProperties,
        basedir == null ? Path.of("") : basedir.toPath(), goal);
  }
}
