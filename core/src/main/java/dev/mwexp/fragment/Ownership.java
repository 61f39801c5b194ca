package dev.mwexp.fragment;

import dev.mwexp.model.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Which names in shared files are mw-experimental's, so that sync can remove what the model no
 * longer has without ever touching anyone else's entries: the per-datacenter backends
 * ({@code k8s-mw-experimental-*}) and the dedicated hosts, by the stem their short names share
 * ({@code wikikube-worker-exp*}).
 */
public final class Ownership {

  private Ownership() {}

  /** {@code k8s-mw-experimental-*}: any datacenter's backend. */
  public static String datacenterBackendGlob(Setup setup) {
    return setup.debugRouting().datacenterBackendName(setup.service().name(), "*");
  }

  /**
   * Globs of the hosts' short names: the stem every host of a datacenter shares once its trailing
   * digits are dropped ({@code wikikube-worker-exp*}); a host sharing no stem is named exactly.
   */
  public static List<String> hostGlobs(Setup setup) {
    TreeSet<String> globs = new TreeSet<>();
    for (String host : setup.allHosts()) {
      String shortName = shortName(host);
      // The name without its trailing digits (a loop: replaceAll compiled a pattern per host).
      int end = shortName.length();
      while (end > 0 && Character.isDigit(shortName.charAt(end - 1))) {
        end--;
      }
      String stem = shortName.substring(0, end);
      globs.add(stem.length() >= 3 && !stem.equals(shortName) ? stem + "*" : shortName);
    }
    return new ArrayList<>(globs);
  }

  /** Host globs that also match the full names ({@code wikikube-worker-exp*} matches FQDNs too). */
  public static List<String> backendGlobs(Setup setup) {
    List<String> globs = new ArrayList<>();
    globs.add(datacenterBackendGlob(setup));
    hostGlobs(setup).forEach(g -> globs.add(g.endsWith("*") ? g : g + ".*"));
    return globs;
  }

  public static String shortName(String fqdn) {
    int dot = fqdn.indexOf('.');
    return dot < 0 ? fqdn : fqdn.substring(0, dot);
  }
}
