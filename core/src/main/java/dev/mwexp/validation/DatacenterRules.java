package dev.mwexp.validation;

import dev.mwexp.fragment.Ownership;
import dev.mwexp.model.Datacenter;
import dev.mwexp.model.Setup;
import dev.mwexp.validation.Problem.Kind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules of the datacenters: their hosts and CNAMEs. */
final class DatacenterRules extends Rules {

  DatacenterRules(List<Problem> problems) {
    super(problems);
  }

  void check(Setup setup) {
    if (setup.datacenters().isEmpty()) {
      add(
          Kind.MISSING,
          "datacenters",
          "no datacenters",
          "at least one datacenter with one host, such as eqiad");
    }
    int hostCount = 0;
    for (Datacenter dc : setup.datacenters()) {
      hostCount += dc.hosts().size();
    }
    // By short name, which is what operations/puppet keys a host's hiera and node stanza by: two
    // hosts of one short name would share them. Sized once: growing it step by step rehashed
    // every host several times at 10,000 hosts.
    Map<String, Owner> byShortName = new HashMap<>(hostCount * 4 / 3 + 1);
    Map<String, String> cnameOwner = new HashMap<>();
    Set<String> dcNames = new HashSet<>();
    for (Datacenter dc : setup.datacenters()) {
      String dcPath = "datacenters." + dc.name();
      if (!dcNames.add(dc.name())) {
        add(Kind.DUPLICATE, dcPath, "datacenter " + dc.name() + " is listed twice", "unique names");
      }
      check(dcPath, dc.name(), Grammar.DNS_LABEL, "a datacenter name such as eqiad or codfw");
      if (dc.hosts().isEmpty()) {
        add(
            Kind.MISSING,
            dcPath + ".hosts",
            "datacenter " + dc.name() + " has no hosts",
            "at least one dedicated worker, such as wikikube-worker-exp1001.eqiad.wmnet");
      }
      // The datacenter's domain, once a datacenter, not once a host.
      String wanted = setup.hostDomain().replace("{dc}", dc.name());
      String dotWanted = "." + wanted;
      int at = setup.hostDomain().indexOf("{dc}");
      String family = at < 0 ? "" : setup.hostDomain().substring(at + "{dc}".length());
      boolean dcJudged = Syntax.isDnsLabel(dc.name()) && !family.isEmpty();
      for (int i = 0; i < dc.hosts().size(); i++) {
        String host = dc.hosts().get(i);
        if (!Syntax.isFqdn(host)) {
          check(hostPath(dcPath, i), host, Grammar.FQDN, FQDN);
          continue;
        }
        String shortName = Ownership.shortName(host);
        Owner owner = byShortName.putIfAbsent(shortName, new Owner(dcPath, host));
        if (owner != null && owner.host().equals(host)) {
          add(
              Kind.DUPLICATE,
              hostPath(dcPath, i),
              owner.dcPath().equals(dcPath)
                  ? "host " + host + " is listed twice in " + dc.name()
                  : "host " + host + " is also in " + owner.dcPath().substring("datacenters.".length()),
              "each host in exactly one datacenter, once");
        } else if (owner != null) {
          add(
              Kind.DUPLICATE,
              hostPath(dcPath, i),
              "host " + host + " has the short name of " + owner.host() + ": operations/puppet keys a host's hiera by it"
                  + " (hieradata/hosts/" + shortName + ".yaml), so the two would share one file and one node stanza",
              "hosts with distinct short names, such as wikikube-worker-exp1001 and wikikube-worker-exp2001");
        }
        boolean judged = owner == null && dcJudged && host.endsWith(family);
        if (judged && !host.endsWith(dotWanted)) {
          String domain = host.substring(host.indexOf('.') + 1);
          add(Kind.INVALID_VALUE, hostPath(dcPath, i), "host " + host + " is in " + domain + ", not in " + wanted
                  + ": routing to datacenter " + dc.name() + " would reach another datacenter",
              "a host of " + wanted + " here; list " + host + " under the datacenter of " + domain
                  + " (or set hostDomain to the rule your names follow)");
        }
      }
      String cnamePath = dcPath + ".cname";
      boolean derivedFromBadName =
          !Syntax.isDnsLabel(setup.service().name())
              && dc.cname().name().startsWith(setup.service().name() + ".");
      if (!derivedFromBadName && check(cnamePath + ".name", dc.cname().name(), Grammar.FQDN, FQDN)) {
        String owner = cnameOwner.putIfAbsent(dc.cname().name(), dcPath);
        if (owner != null) {
          add(
              Kind.DUPLICATE,
              cnamePath + ".name",
              "CNAME " + dc.cname().name() + " is also the CNAME of " + owner,
              "one CNAME per datacenter, such as mw-experimental." + dc.name() + ".wmnet");
        }
      }
      if (dc.hosts().contains(dc.cname().name())) {
        add(
            Kind.INVALID_VALUE,
            cnamePath + ".name",
            "CNAME " + dc.cname().name() + " is a host name; a name cannot be both",
            "a separate name such as mw-experimental." + dc.name() + ".wmnet");
      }
      if (!dc.hosts().isEmpty() && !dc.hosts().contains(dc.cname().target())) {
        add(
            Kind.REFERENCE,
            cnamePath + ".target",
            "CNAME target " + dc.cname().target() + " is not a host of " + dc.name(),
            "one of " + dc.hosts().stream().filter(Syntax::isFqdn).distinct().sorted().toList());
      }
      int ttl = dc.cname().ttl();
      if (ttl < 0 || ttl > 2_147_483_647) {
        add(Kind.INVALID_VALUE, cnamePath + ".ttl", "TTL " + ttl + " is out of range", "0-2147483647");
      }
    }
    for (Datacenter dc : setup.datacenters()) {
      String name = dc.cname().name();
      Owner owner = byShortName.get(Ownership.shortName(name));
      if (owner != null && owner.host().equals(name) && !owner.dcPath().equals("datacenters." + dc.name())) {
        add(
            Kind.INVALID_VALUE,
            "datacenters." + dc.name() + ".cname.name",
            "CNAME " + name + " is a host of " + owner.dcPath(),
            "a name that is no host's");
      }
    }
  }

  /** The first host of a short name, and where it is listed. */
  private record Owner(String dcPath, String host) {}

  /** Where a datacenter's i-th host is in the spec; made only for a problem, not for every host. */
  private static String hostPath(String dcPath, int i) {
    return dcPath + ".hosts[" + i + "]";
  }
}
