package dev.mwexp.ats;

import dev.mwexp.format.zone.ZoneRecords;
import dev.mwexp.format.zone.ZoneTarget;
import dev.mwexp.export.Exporter;
import dev.mwexp.fragment.Fragment;
import dev.mwexp.fragment.Merge;
import dev.mwexp.fragment.Ownership;
import dev.mwexp.fragment.Repository;
import dev.mwexp.model.Datacenter;
import dev.mwexp.model.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The CNAME per datacenter in operations/dns's {@code templates/wmnet}: a relative record in the
 * datacenter's {@code $ORIGIN} section, {@code mw-experimental 1H IN CNAME wikikube-worker-exp1001.eqiad.wmnet.}
 */
public final class DnsExporter implements Exporter {

  static final String ZONE = "templates/wmnet";

  /** A zone-file name that needs no quoting: validation already guarantees it; this re-checks. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");

  static final String SEED = """
      ; The wmnet zone (operations/dns templates/wmnet), as mwexp writes it for an empty repository.
      $TTL 1H
      @ IN SOA ns0.wikimedia.org. hostmaster.wikimedia.org. (
              2026010100 ; serial
              12H        ; refresh
              2H         ; retry
              2W         ; expire
              1H         ; negative
              )
      @ IN NS ns0.wikimedia.org.
      @ IN NS ns1.wikimedia.org.
      """;

  @Override
  public String format() {
    return "dns";
  }

  @Override
  public List<Fragment> fragments(Setup setup) {
    // Records by their relative name, then by origin: mw-experimental -> {eqiad.wmnet. -> target}.
    Map<String, Map<String, ZoneTarget>> byName = new TreeMap<>();
    for (Datacenter dc : setup.sortedDatacenters()) {
      String name = name(dc.cname().name());
      int dot = name.indexOf('.');
      byName.computeIfAbsent(name.substring(0, dot), n -> new TreeMap<>())
          .put(name.substring(dot + 1) + ".", new ZoneTarget(ttl(dc.cname().ttl()), name(dc.cname().target()) + "."));
    }
    List<String> owned = new ArrayList<>();
    Ownership.hostGlobs(setup).forEach(g -> owned.add(g.endsWith("*") ? g : g + ".*"));
    List<Fragment> out = new ArrayList<>();
    byName.forEach((name, targets) -> out.add(new Fragment(Repository.DNS, ZONE, new ZoneRecords(name, targets, owned, SEED))));
    return out;
  }

  /** A TTL as the template writes them: {@code 1H}, {@code 5M}, else seconds. */
  static String ttl(int seconds) {
    if (seconds > 0 && seconds % 86400 == 0) {
      return seconds / 86400 + "D";
    }
    if (seconds > 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "H";
    }
    if (seconds > 0 && seconds % 60 == 0) {
      return seconds / 60 + "M";
    }
    return String.valueOf(seconds);
  }

  private static String name(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a zone-file name: " + name);
    }
    return name;
  }
}
