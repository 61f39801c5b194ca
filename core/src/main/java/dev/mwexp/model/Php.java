package dev.mwexp.model;

import java.util.SortedMap;
import org.immutables.value.Value;

/** php-fpm settings: code edited on the host must show up at once. */
@Value.Immutable
public interface Php {

  /** opcache re-reads changed files; the whole point of hand-editing on the host. */
  @Value.Default
  default boolean opcacheValidateTimestamps() {
    return true;
  }

  /** The mediawiki chart's {@code php.devel_mode}. */
  @Value.Default
  default boolean develMode() {
    return true;
  }

  /** Further php.ini directives, by name. */
  @Value.NaturalOrder
  SortedMap<String, String> iniOverrides();

  static ImmutablePhp.Builder builder() {
    return ImmutablePhp.builder();
  }
}
