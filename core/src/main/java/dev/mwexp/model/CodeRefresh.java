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

  /** A systemd {@code OnCalendar=} expression. */
  @Value.Default
  default String onCalendar() {
    return "*-*-* *:00/30:00";
  }

  /** The refresh script Puppet installs (mode 0544, root). */
  @Value.Default
  default String script() {
    return "/usr/local/sbin/mw-experimental-mediawiki-image-update";
  }

  static ImmutableCodeRefresh.Builder builder() {
    return ImmutableCodeRefresh.builder();
  }
}
