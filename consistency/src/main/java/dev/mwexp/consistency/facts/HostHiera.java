package dev.mwexp.consistency.facts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What hiera gives one host: every key looked up through the hierarchy (host file first, then
 * shared files), with the file and line that set it.
 */
public record HostHiera(String host, Source hostFile, Map<String, Value> keys) {

  /** A hiera value and where it came from. */
  public record Value(Object value, Source source) {}

  public Optional<Value> get(String key) {
    return Optional.ofNullable(keys.get(key));
  }

  /** A String-array key as strings; empty when absent or not a list. */
  public List<String> strings(String key) {
    return get(key)
        .map(Value::value)
        .filter(v -> v instanceof List<?>)
        .map(v -> ((List<?>) v).stream().map(String::valueOf).toList())
        .orElse(List.of());
  }
}
