package dev.mwexp.maven;

import dev.mwexp.export.Exporters;
import dev.mwexp.model.Setup;
import dev.mwexp.repos.CheckoutException;
import dev.mwexp.repos.Plan;
import dev.mwexp.repos.Sync;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes mw-experimental's part of checkouts of the four repositories, touching nothing else: the
 * {@code spotless:apply} of mwexp. With {@code dryRun}, logs the diffs and changes nothing.
 */
@Mojo(name = "sync", threadSafe = true, requiresProject = false)
public final class SyncMojo extends CheckoutsMojo {

  /** Log the unified diffs of what would change, and change nothing. */
  @Parameter(property = "mwexp.dryRun", defaultValue = "false")
  boolean dryRun;

  /**
   * Changes outside mw-experimental's parts to make in the same sync, by name:
   * {@code mediawiki-chart-traffic-policy}.
   */
  @Parameter(property = "mwexp.withChanges")
  java.util.List<String> withChanges = new java.util.ArrayList<>();

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping mwexp:sync (mwexp.skip is true)");
      return;
    }
    var roots = checkouts("sync");
    Setup setup = Specs.load(spec.toPath(), getLog());
    java.util.List<dev.mwexp.fragment.Fragment> fragments;
    try {
      fragments = Exporters.fragments(setup, withChanges);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("mwexp: withChanges: " + e.getMessage());
    }
    // As the CLI: one sync at a time per checkout, and what a killed one left finished first.
    try (dev.mwexp.repos.CheckoutLocks locks = dev.mwexp.repos.CheckoutLocks.take(roots.values())) {
      Sync.recover(roots.values()).forEach(m -> getLog().warn("mwexp: " + m));
      Plan plan = Sync.plan(fragments, dev.mwexp.repos.Checkouts.of(roots));
      if (dryRun) {
        plan.diff().lines().forEach(getLog()::info);
      } else {
        plan.write().forEach(f -> getLog().info("mwexp: wrote " + f));
      }
      getLog().info("mwexp: " + plan.changes().size() + " file(s) " + (plan.isEmpty() ? "to change: in sync"
          : dryRun ? "would change" : "changed"));
    } catch (dev.mwexp.repos.CheckoutBusyException e) {
      throw new MojoExecutionException("mwexp: nothing was written: " + e.getMessage());
    } catch (CheckoutException e) {
      e.problems().forEach(getLog()::error);
      String last = e.problems().get(e.problems().size() - 1);
      // A transaction's failure says itself what state the checkouts are in.
      boolean stated = last.startsWith("rolled back") || last.startsWith("could not restore")
          || last.equals("nothing was written");
      throw new MojoExecutionException("mwexp: " + e.problems().size() + " problem(s) in the checkouts; "
          + (stated ? last : "nothing was written"));
    }
  }
}
