package dev.mwexp.model;

import org.immutables.value.Value;

/** Who may edit the code on the hosts, and the Puppet switch that turns a host into one. */
@Value.Immutable
public interface Deployers {

  /** System user owning the mount path ({@code mwdeploy}). */
  @Value.Default
  default String user() {
    return "mwdeploy";
  }

  /** Group owning the mount path ({@code deployment}, the humans who edit there). */
  @Value.Default
  default String group() {
    return "deployment";
  }

  /** Puppet's {@code deployment_group}: the humans allowed to edit, via fix-staging-perms. */
  @Value.Default
  default String deploymentGroup() {
    return "deployment";
  }

  /** Mode of the mount path, as an octal string ({@code 2775}: setgid, so new files keep the group). */
  @Value.Default
  default String mountMode() {
    return "2775";
  }

  /** The Boolean hiera key that turns the profile on for a host. */
  @Value.Default
  default String switchKey() {
    return "profile::kubernetes::node::mw_experimental";
  }

  static ImmutableDeployers.Builder builder() {
    return ImmutableDeployers.builder();
  }
}
