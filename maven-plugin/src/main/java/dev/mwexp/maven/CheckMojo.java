package dev.mwexp.maven;

import dev.mwexp.consistency.ArtifactTrees;
import dev.mwexp.consistency.Difference;
import dev.mwexp.consistency.Drift;
import dev.mwexp.consistency.Report;
import dev.mwexp.consistency.RoutingConsistency;
import dev.mwexp.consistency.Violation;
import dev.mwexp.export.Compiler;
import dev.mwexp.model.Setup;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks committed hiera, Kubernetes and ATS trees for routing consistency, and for drift from
 * what the spec compiles to.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {

  @Parameter(property = "mwexp.spec", defaultValue = "${project.basedir}/src/main/mwexp/mw-experimental.yaml")
  File spec;

  /** The directory holding {@code hiera.yaml} and {@code hieradata/}. */
  @Parameter(property = "mwexp.hieraDirectory")
  File hieraDirectory;

  /** Kubernetes manifests, one subdirectory per datacenter. */
  @Parameter(property = "mwexp.manifestsDirectory")
  File manifestsDirectory;

  /** The ATS routing script's directory. */
  @Parameter(property = "mwexp.atsDirectory")
  File atsDirectory;

  /** DNS zone snippets. */
  @Parameter(property = "mwexp.dnsDirectory")
  File dnsDirectory;

  @Parameter(property = "mwexp.failOnViolation", defaultValue = "true")
  boolean failOnViolation;

  @Parameter(property = "mwexp.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping mwexp:check (mwexp.skip is true)");
      return;
    }
    Setup setup = Specs.load(spec.toPath(), getLog());
    ArtifactTrees.Builder trees = ArtifactTrees.builder();
    List<String> findings = new ArrayList<>();
    try {
      if (hieraDirectory != null) {
        trees.hiera(existing("hieraDirectory", hieraDirectory));
        drift("hiera", hieraDirectory, setup, findings);
      }
      if (manifestsDirectory != null) {
        trees.manifests(existing("manifestsDirectory", manifestsDirectory));
        drift("k8s", manifestsDirectory, setup, findings);
      }
      if (atsDirectory != null) {
        try (Stream<Path> files = Files.list(existing("atsDirectory", atsDirectory))) {
          files.filter(p -> p.toString().endsWith(".lua") && !p.toString().endsWith("_test.lua"))
              .sorted().findFirst().ifPresent(trees::routingScript);
        }
        drift("ats", atsDirectory, setup, findings);
      }
      if (dnsDirectory != null) {
        try (Stream<Path> files = Files.list(existing("dnsDirectory", dnsDirectory))) {
          files.filter(Files::isRegularFile).sorted().forEach(trees::zone);
        }
        drift("dns", dnsDirectory, setup, findings);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("mwexp: cannot read the trees to check: " + e.getMessage(), e);
    }
    Report report = RoutingConsistency.check(trees.build(), setup);
    for (Violation v : report.violations()) {
      findings.add(0, v.format());
    }
    if (findings.isEmpty()) {
      getLog().info("mwexp: routing is consistent and the trees match the spec");
      return;
    }
    for (String finding : findings) {
      if (failOnViolation) {
        getLog().error(finding);
      } else {
        getLog().warn(finding);
      }
    }
    String summary = report.violations().size() + " routing violation(s), "
        + (findings.size() - report.violations().size()) + " difference(s) from the spec";
    if (failOnViolation) {
      throw new MojoFailureException("mwexp: " + summary + "; run mvn mwexp:compile and commit its output,"
          + " or set <failOnViolation>false</failOnViolation> to only warn");
    }
    getLog().warn("mwexp: " + summary);
  }

  private static Path existing(String parameter, File dir) throws MojoExecutionException {
    if (!dir.isDirectory()) {
      throw new MojoExecutionException("<" + parameter + "> " + dir + " is not a directory");
    }
    return dir.toPath();
  }

  private static void drift(String format, File dir, Setup setup, List<String> findings) throws IOException {
    for (Difference d : Drift.ofComponent(Compiler.compile(setup, List.of(format)), dir.toPath())) {
      findings.add("DRIFT " + format + ": " + d.format());
    }
  }
}
