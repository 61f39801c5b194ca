package dev.mwexp.maven;

import dev.mwexp.consistency.ArtifactTrees;
import dev.mwexp.consistency.Report;
import dev.mwexp.consistency.RoutingConsistency;
import dev.mwexp.consistency.Violation;
import dev.mwexp.export.Exporters;
import dev.mwexp.model.Setup;
import dev.mwexp.repos.CheckoutException;
import dev.mwexp.repos.Plan;
import dev.mwexp.repos.Sync;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks checkouts of the four repositories: that they route every X-Wikimedia-Debug backend
 * consistently, and that mw-experimental's part of them is what the spec says (what
 * {@code mwexp:sync} would change).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends CheckoutsMojo {

  /** Fail the build on any violation or drift; false only warns. */
  @Parameter(property = "mwexp.failOnViolation", defaultValue = "true")
  boolean failOnViolation;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping mwexp:check (mwexp.skip is true)");
      return;
    }
    var roots = checkouts("check");
    Setup setup = Specs.load(spec.toPath(), getLog());
    List<String> findings = new ArrayList<>();
    Report report;
    int drift;
    // As the CLI: read under the checkouts' locks, through one workspace, after finishing what a
    // killed sync left.
    try (dev.mwexp.repos.CheckoutLocks locks = dev.mwexp.repos.CheckoutLocks.take(roots.values())) {
      Sync.recover(roots.values()).forEach(m -> getLog().warn("mwexp: " + m));
      dev.mwexp.workspace.Workspace workspace = dev.mwexp.workspace.Workspace.open(roots);
      report = RoutingConsistency.check(ArtifactTrees.builder().service(setup.service().name()).workspace(workspace).build(),
          setup);
      for (Violation v : report.violations()) {
        findings.add(v.format());
      }
      try {
        Plan plan = Sync.plan(Exporters.fragments(setup), dev.mwexp.repos.Checkouts.of(workspace));
        plan.diff().lines().forEach(line -> findings.add("DRIFT " + line));
        drift = plan.changes().size();
      } catch (CheckoutException e) {
        e.problems().forEach(p -> findings.add("DRIFT " + p));
        drift = e.problems().size();
      }
    } catch (dev.mwexp.repos.CheckoutBusyException e) {
      throw new MojoExecutionException("mwexp: " + e.getMessage());
    } catch (CheckoutException e) {
      throw new MojoExecutionException("mwexp: " + String.join("; ", e.problems()));
    }
    if (findings.isEmpty()) {
      getLog().info("mwexp: routing is consistent and the checkouts match the spec");
      return;
    }
    for (String finding : findings) {
      if (failOnViolation) {
        getLog().error(finding);
      } else {
        getLog().warn(finding);
      }
    }
    String summary = report.violations().size() + " routing violation(s), " + drift + " file(s) differing from the spec";
    if (failOnViolation) {
      throw new MojoFailureException("mwexp: " + summary + "; run mvn mwexp:sync with the same checkouts to bring"
          + " them in line (-Dmwexp.dryRun=true shows the diff), or set <failOnViolation>false</failOnViolation> to only warn");
    }
    getLog().warn("mwexp: " + summary);
  }
}
