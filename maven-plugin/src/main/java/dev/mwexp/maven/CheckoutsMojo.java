package dev.mwexp.maven;

import dev.mwexp.fragment.Repository;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** What sync and check share: the spec, the checkouts of the four repositories, and skip. */
abstract class CheckoutsMojo extends AbstractMojo {

  /** The spec the checkouts follow. */
  @Parameter(property = "mwexp.spec", defaultValue = "${project.basedir}/src/main/mwexp/mw-experimental.yaml")
  File spec;

  /** A checkout of operations/puppet. */
  @Parameter(property = "mwexp.puppetDirectory")
  File puppetDirectory;

  /** A checkout of operations/deployment-charts. */
  @Parameter(property = "mwexp.chartsDirectory")
  File chartsDirectory;

  /** A checkout of operations/dns. */
  @Parameter(property = "mwexp.dnsDirectory")
  File dnsDirectory;

  /** A checkout of operations/mediawiki-config. */
  @Parameter(property = "mwexp.mediawikiConfigDirectory")
  File mediawikiConfigDirectory;

  /** Skip the goal. */
  @Parameter(property = "mwexp.skip", defaultValue = "false")
  boolean skip;

  /** The checkouts given, by repository; a usage error naming the parameters when none is. */
  Map<Repository, Path> checkouts(String goal) throws MojoExecutionException {
    return Checkouts.of(puppetDirectory, chartsDirectory, dnsDirectory, mediawikiConfigDirectory, goal);
  }
}
