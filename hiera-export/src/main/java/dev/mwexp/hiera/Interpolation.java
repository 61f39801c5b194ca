package dev.mwexp.hiera;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hiera interpolates {@code %{…}} in every string it returns. Validation keeps such text out of
 * the model; this escapes it anyway ({@code %{literal('%')}{…}}), so a value always reaches Puppet
 * as written.
 */
final class Interpolation {

  private static final String ESCAPED = "%{literal('%')}{";

  private Interpolation() {}

  static String escape(String value) {
    return value.replace("%{", ESCAPED);
  }

  /** Escapes the string values (and strings in list values) of a hiera data map. */
  static Map<String, Object> escapeValues(Map<String, Object> data) {
    Map<String, Object> out = new TreeMap<>();
    data.forEach((k, v) -> out.put(k, escapeValue(v)));
    return out;
  }

  private static Object escapeValue(Object value) {
    if (value instanceof String s) {
      return escape(s);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Interpolation::escapeValue).toList();
    }
    return value;
  }
}
