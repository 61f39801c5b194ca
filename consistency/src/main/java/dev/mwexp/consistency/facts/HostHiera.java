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

  /**
   * A String-array key as strings; empty when absent or not a list. Taints written as
   * {@code K8s::Core::V1Taint} structs read as {@code key=value:Effect}, as kubelet flags spell them.
   */
  public List<String> strings(String key) {
    return get(key)
        .map(Value::value)
        .filter(v -> v instanceof List<?>)
        .map(v -> ((List<?>) v).stream().map(HostHiera::string).toList())
        .orElse(List.of());
  }

  private static String string(Object item) {
    if (item instanceof java.util.Map<?, ?> taint && taint.containsKey("key") && taint.containsKey("effect")) {
      Object value = taint.get("value");
      return taint.get("key") + "=" + (value == null ? "" : value) + ":" + taint.get("effect");
    }
    return String.valueOf(item);
  }
}
