package dev.mwexp.maven;

import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Exporters;
import dev.mwexp.export.OutputDirectory;
import dev.mwexp.export.OutputException;
import dev.mwexp.model.Setup;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles the mw-experimental spec into mw-experimental's part of the four repositories, applied
 * to empty ones, under {@code outputDirectory}: {@code puppet/}, {@code deployment-charts/},
 * {@code dns/}, {@code mediawiki-config/}.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public final class CompileMojo extends AbstractMojo {

  /** The mw-experimental spec to compile. */
  @Parameter(property = "mwexp.spec", defaultValue = "${project.basedir}/src/main/mwexp/mw-experimental.yaml")
  File spec;

  /** Where the four repositories' files go; replaced whole, and only if it holds exactly mwexp's output. */
  @Parameter(property = "mwexp.outputDirectory", defaultValue = "${project.build.directory}/mwexp")
  File outputDirectory;

  /** Formats to write: hiera, helm-values, ats, dns (the four repositories) and k8s (raw manifests). */
  @Parameter(property = "mwexp.formats", defaultValue = "hiera,helm-values,ats,dns")
  List<String> formats;

  /** Skip the goal. */
  @Parameter(property = "mwexp.skip", defaultValue = "false")
  boolean skip;

  /** Where the up-to-date check keeps what the last compile was made of. */
  @Parameter(defaultValue = "${project.build.directory}/mwexp-state", readonly = true)
  File stateDirectory;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping mwexp:compile (mwexp.skip is true)");
      return;
    }
    Specs.checkFormats(formats);
    UpToDate upToDate = new UpToDate(stateDirectory.toPath().resolve("compile"), spec.toPath(), formats);
    if (upToDate.isCurrent(outputDirectory.toPath())) {
      getLog().info("mwexp: " + outputDirectory + " is up to date (spec, formats and plugin unchanged)");
      return;
    }
    Setup setup = Specs.load(spec.toPath(), getLog());
    Artifacts artifacts = Exporters.compile(setup, formats);
    try {
      OutputDirectory.write(outputDirectory.toPath(), artifacts);
    } catch (OutputException e) {
      throw new MojoExecutionException(e.getMessage()
          + "; set <outputDirectory> to an empty or mwexp-owned directory, e.g. -Dmwexp.outputDirectory=target/mwexp", e);
    }
    upToDate.record();
    getLog().info("mwexp: wrote " + artifacts.files().size() + " files to " + outputDirectory);
  }
}
