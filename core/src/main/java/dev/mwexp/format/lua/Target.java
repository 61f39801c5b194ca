package dev.mwexp.format.lua;

import java.util.Objects;

/** Where a routing-table entry sends requests. */
public record Target(String host, int port) {
  @Override
  public boolean equals(Object o) {
    return o instanceof Target t && Objects.equals(host, t.host) && port == t.port;
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(host) * 31 + port;
  }
}
