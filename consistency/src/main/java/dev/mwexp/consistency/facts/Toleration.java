package dev.mwexp.consistency.facts;

/** A pod toleration as the workload declares it ({@code operator: Equal} unless Exists). */
public record Toleration(String key, String operator, String value, String effect) {

  /** Whether it tolerates a taint written {@code key=value:Effect}. */
  public boolean tolerates(String taint) {
    int colon = taint.lastIndexOf(':');
    if (colon < 0) {
      return false;
    }
    String keyValue = taint.substring(0, colon);
    String taintEffect = taint.substring(colon + 1);
    int eq = keyValue.indexOf('=');
    String taintKey = eq < 0 ? keyValue : keyValue.substring(0, eq);
    String taintValue = eq < 0 ? "" : keyValue.substring(eq + 1);
    boolean effectOk = effect == null || effect.isEmpty() || effect.equals(taintEffect);
    if ("Exists".equals(operator)) {
      return effectOk && (key == null || key.isEmpty() || key.equals(taintKey));
    }
    return effectOk && taintKey.equals(key) && taintValue.equals(value == null ? "" : value);
  }

  /** {@code key=value:Effect}, the taint it matches exactly. */
  public String format() {
    return key + (value == null || value.isEmpty() ? "" : "=" + value) + ":" + effect;
  }
}
