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
    String last = null;
    for (String host : setup.allHosts()) {
      int dot = host.indexOf('.');
      int nameEnd = dot < 0 ? host.length() : dot;
      // The name without its trailing digits (a loop: replaceAll compiled a pattern per host).
      int stemEnd = nameEnd;
      while (stemEnd > 0 && Character.isDigit(host.charAt(stemEnd - 1))) {
        stemEnd--;
      }
      boolean stem = stemEnd >= 3 && stemEnd < nameEnd;
      int length = stem ? stemEnd : nameEnd;
      // Hosts of a datacenter share their stem: the last glob again is neither built nor added.
      if (last != null && last.length() == (stem ? length + 1 : length) && host.regionMatches(0, last, 0, length)
          && (!stem || last.charAt(length) == '*')) {
        continue;
      }
      last = stem ? host.substring(0, stemEnd) + "*" : host.substring(0, nameEnd);
      globs.add(last);
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
