package dev.mwexp.ats;

import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Exporter;
import dev.mwexp.model.Datacenter;
import dev.mwexp.model.Setup;
import java.util.regex.Pattern;

/**
 * The CNAME per datacenter in zone-file syntax, one file {@code dns/wmnet} as operations-dns keeps
 * the wmnet zone: {@code mw-experimental.eqiad.wmnet. 300 IN CNAME wikikube-worker-exp1001.eqiad.wmnet.}
 */
public final class DnsExporter implements Exporter {

  /** A zone-file name that needs no quoting: validation already guarantees it; this re-checks. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");

  @Override
  public String format() {
    return "dns";
  }

  @Override
  public Artifacts export(Setup setup) {
    StringBuilder zone = new StringBuilder("; mw-experimental CNAMEs, written by mwexp from the spec\n");
    for (Datacenter dc : setup.sortedDatacenters()) {
      zone.append(name(dc.cname().name())).append(". ").append(dc.cname().ttl()).append(" IN CNAME ")
          .append(name(dc.cname().target())).append(".\n");
    }
    return Artifacts.builder().add("dns/wmnet", zone.toString()).build();
  }

  private static String name(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a zone-file name: " + name);
    }
    return name;
  }
}
