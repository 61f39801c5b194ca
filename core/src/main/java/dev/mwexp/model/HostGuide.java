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
    return Shared.of(setup, dc).forHost(host);
  }

  /**
   * What every host of one datacenter shares: a host's guide is this and its name, so the Puppet
   * class carries one of these a datacenter, not one guide a host.
   *
   * @param grafanaUrl the URL with every placeholder but {@code {host}} and {@code {fqdn}} filled
   * @param logstashUrl likewise
   */
  public record Shared(String datacenter, boolean perHostBackend, String backend, String reaches, String lockCommand,
      String grafanaUrl, String logstashUrl) {

    /** Every datacenter's, in datacenter order. */
    public static List<Shared> of(Setup setup) {
      List<Shared> out = new ArrayList<>();
      setup.sortedDatacenters().forEach(dc -> out.add(of(setup, dc)));
      return out;
    }

    static Shared of(Setup setup, Datacenter dc) {
      Observability o = setup.service().observability();
      return new Shared(dc.name(), setup.debugRouting().perHostBackendsIn(dc),
          setup.debugRouting().datacenterBackendName(setup.service().name(), dc.name()), dc.cname().target(),
          setup.codeRefresh().script() + " --lock", datacenterUrl(o.grafanaUrl(), setup, dc),
          datacenterUrl(o.logstashUrl(), setup, dc));
    }

    /** The guide of {@code host}, one of this datacenter's. */
    public HostGuide forHost(String host) {
      List<String> headers = new ArrayList<>();
      if (perHostBackend) {
        headers.add("backend=" + host);
      }
      headers.add("backend=" + backend);
      return new HostGuide(host, datacenter, headers, reaches, "ssh " + host, lockCommand, hostUrl(grafanaUrl, host),
          hostUrl(logstashUrl, host));
    }
  }

  /** A URL template with the host's values in place of {@link Observability#URL_PLACEHOLDERS}. */
  static String url(String template, Setup setup, Datacenter dc, String host) {
    return hostUrl(datacenterUrl(template, setup, dc), host);
  }

  /** The placeholders a datacenter's hosts share, filled. */
  private static String datacenterUrl(String template, Setup setup, Datacenter dc) {
    Service s = setup.service();
    return template.replace("{dc}", dc.name()).replace("{namespace}", s.namespace()).replace("{release}", s.release())
        .replace("{servergroup}", s.servergroup());
  }

  /** The host's own placeholders filled: {@code {host}} its short name, {@code {fqdn}} its name. */
  public static String hostUrl(String template, String host) {
    int dot = host.indexOf('.');
    return template.replace("{host}", dot < 0 ? host : host.substring(0, dot)).replace("{fqdn}", host);
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
