package dev.mwexp.model;

import org.immutables.value.Value;

/**
 * Replaces scap: a systemd timer on each host copies the code from the newest production image
 * (the service's image) into the mount path.
 */
@Value.Immutable
public interface CodeRefresh {

  @Value.Default
  default boolean enabled() {
    return true;
  }

  /** systemd unit name of the timer and its service. */
  @Value.Default
  default String timerName() {
    return "mw-experimental-mediawiki-image-update";
  }

  /**
   * How long after its last run the timer runs the refresh again ({@code OnUnitActiveSec=}), a
   * systemd time span; every hour in production, so the service stays current with the images.
   */
  @Value.Default
  default String interval() {
    return "1 hour";
  }

  /** The refresh script Puppet installs (root, 0555). */
  @Value.Default
  default String script() {
    return "/usr/local/sbin/mw-experimental-mediawiki-image-update";
  }

  /** While this file exists ({@code --lock}), the refresh leaves the code alone. */
  @Value.Default
  default String lockFile() {
    return "/var/lib/mw-experimental/state/lock";
  }

  /** Where each refresh keeps a copy of what engineers changed, added or deleted since the last. */
  @Value.Default
  default String editsDirectory() {
    return "/var/lib/mw-experimental/edits";
  }

  /** Saved edits older than this many days are pruned. */
  @Value.Default
  default int keepEditsDays() {
    return 30;
  }

  /** At most this many saved edits are kept, the newest. */
  @Value.Default
  default int keepEditsCount() {
    return 50;
  }

  /** The hosts also serve mw-parsoid, which reads a parsoid clone on the host. */
  @Value.Default
  default boolean parsoid() {
    return true;
  }

  static ImmutableCodeRefresh.Builder builder() {
    return ImmutableCodeRefresh.builder();
  }
}
