package dev.mwexp.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an engineer looks for one host: the X-Wikimedia-Debug values that reach it, how to log in
 * and keep its code still, and its metrics and logs. {@code mwexp hosts} prints it and the host's
 * motd carries the same lines, so the two never disagree.
 *
 * @param debugHeaders the {@code X-Wikimedia-Debug} values to send: the host's own backend (when its
 *     datacenter has per-host backends), then its datacenter's
 * @param datacenterReaches the host the datacenter's backend reaches (its CNAME's target)
 */
public record HostGuide(String host, String datacenter, List<String> debugHeaders, String datacenterReaches,
    String ssh, String lockCommand, String grafanaUrl, String logstashUrl) {

  public HostGuide {
    debugHeaders = List.copyOf(debugHeaders);
  }

  /** Every host's, in host order. */
  public static List<HostGuide> of(Setup setup) {
    List<HostGuide> guides = new ArrayList<>();
    for (Datacenter dc : setup.sortedDatacenters()) {
      for (String host : dc.sortedHosts()) {
        guides.add(of(setup, dc, host));
      }
    }
    return guides;
  }

  private static HostGuide of(Setup setup, Datacenter dc, String host) {
    List<String> headers = new ArrayList<>();
    if (setup.debugRouting().perHostBackendsIn(dc)) {
      headers.add("backend=" + host);
    }
    headers.add("backend=" + setup.debugRouting().datacenterBackendName(setup.service().name(), dc.name()));
    Observability o = setup.service().observability();
    return new HostGuide(host, dc.name(), headers, dc.cname().target(), "ssh " + host,
        setup.codeRefresh().script() + " --lock", url(o.grafanaUrl(), setup, dc, host), url(o.logstashUrl(), setup, dc, host));
  }

  /** A URL template with the host's values in place of {@link Observability#URL_PLACEHOLDERS}. */
  static String url(String template, Setup setup, Datacenter dc, String host) {
    Service s = setup.service();
    int dot = host.indexOf('.');
    return template.replace("{dc}", dc.name()).replace("{namespace}", s.namespace()).replace("{release}", s.release())
        .replace("{servergroup}", s.servergroup()).replace("{host}", dot < 0 ? host : host.substring(0, dot))
        .replace("{fqdn}", host);
  }

  /** The lines {@code mwexp hosts} prints under the host's name, and its motd shows. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (String header : debugHeaders) {
      boolean datacenters = header.equals(debugHeaders.get(debugHeaders.size() - 1));
      lines.add("X-Wikimedia-Debug: " + header + (datacenters && !datacenterReaches.equals(host)
          ? "  (the datacenter's; it reaches " + datacenterReaches + ")" : ""));
    }
    lines.add("ssh:       " + ssh);
    lines.add("lock:      " + lockCommand);
    lines.add("metrics:   " + grafanaUrl);
    lines.add("logs:      " + logstashUrl);
    return lines;
  }
}
