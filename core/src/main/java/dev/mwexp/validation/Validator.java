package dev.mwexp.validation;

import dev.mwexp.model.CodeRefresh;
import dev.mwexp.model.Datacenter;
import dev.mwexp.model.Deployers;
import dev.mwexp.model.DebugRouting;
import dev.mwexp.model.Observability;
import dev.mwexp.model.PortRange;
import dev.mwexp.model.Resources;
import dev.mwexp.model.Route;
import dev.mwexp.model.RoutingScope;
import dev.mwexp.model.Scheduling;
import dev.mwexp.model.Service;
import dev.mwexp.model.Setup;
import dev.mwexp.model.Taint;
import dev.mwexp.validation.Problem.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a whole {@link Setup} and returns every problem, in model order. */
public final class Validator {

  private final List<Problem> problems = new ArrayList<>();

  private Validator() {}

  /** All problems of the setup; empty when it is valid. */
  public static List<Problem> validate(Setup setup) {
    Validator v = new Validator();
    v.service(setup.service());
    v.scheduling(setup.scheduling());
    v.deployers(setup.deployers());
    v.codeRefresh(setup.codeRefresh());
    v.datacenters(setup);
    v.debugRouting(setup);
    return List.copyOf(v.problems);
  }

  private void service(Service s) {
    boolean nameValid = check("service.name", s.name(), Grammar.DNS_LABEL, DNS_LABEL);
    // Values derived from a bad one are not reported again: the source is what to fix.
    boolean namespaceDerivedFromBad = !nameValid && s.namespace().equals(s.name());
    if (!namespaceDerivedFromBad) {
      check("service.namespace", s.namespace(), Grammar.DNS_LABEL, DNS_LABEL);
    }
    check("service.release", s.release(), Grammar.DNS_LABEL, DNS_LABEL);
    boolean servergroupDerivedFromBad =
        !Syntax.isDnsLabel(s.namespace()) && s.servergroup().equals("kube-" + s.namespace());
    if (!servergroupDerivedFromBad) {
      check(
          "service.servergroup",
          s.servergroup(),
          Grammar.DNS_LABEL,
          "a lower-case name of letters, digits and '-' such as kube-mw-experimental");
    }
    check(
        "service.image",
        s.image(),
        Grammar.IMAGE_REFERENCE,
        "an image reference such as"
            + " docker-registry.discovery.wmnet/restricted/mediawiki-multiversion:latest");
    if (check("service.mountPath", s.mountPath(), Grammar.NORMAL_ABSOLUTE_PATH, NORMAL_PATH)) {
      java.util.Optional<String> conflict = Syntax.systemPathConflict(s.mountPath());
      if (conflict.isPresent()) {
        add(
            Kind.INVALID_VALUE,
            "service.mountPath",
            "mount path " + s.mountPath() + " " + conflict.get()
                + ": Puppet would chown it to the deployers and the pods would mount it read-write",
            "a directory of its own, such as /srv/mediawiki");
      }
    }
    PortRange range = s.nodePortRange();
    boolean rangeValid = range.min() >= 1 && range.max() <= 65535 && range.min() <= range.max();
    if (!rangeValid) {
      add(
          Kind.INVALID_VALUE,
          "service.nodePortRange",
          "port range " + range.format() + " is not a range of TCP ports",
          "MIN-MAX with 1 <= MIN <= MAX <= 65535, such as 30000-32767");
    }
    if (s.port() < 1 || s.port() > 65535) {
      add(Kind.INVALID_VALUE, "service.port", "port " + s.port() + " is not a TCP port", "1-65535");
    } else if (rangeValid && !range.contains(s.port())) {
      add(
          Kind.INVALID_VALUE,
          "service.port",
          "port "
              + s.port()
              + " is outside the cluster's NodePort range "
              + range.format()
              + " (the apiserver would refuse the Service)",
          "a port in " + range.format() + ", or widen service.nodePortRange to the cluster's");
    }
    int metricsPort = s.observability().metricsPort();
    if (metricsPort < 1 || metricsPort > 65535) {
      add(
          Kind.INVALID_VALUE,
          "service.observability.metricsPort",
          "port " + metricsPort + " is not a TCP port",
          "1-65535");
    }
    for (Map.Entry<String, String> label : s.observability().labels().entrySet()) {
      String k = label.getKey();
      String path = "service.observability.labels." + k;
      if (Observability.RESERVED_LABELS.contains(k)) {
        add(Kind.INVALID_VALUE, path, "label " + k + " is reserved: mwexp sets it itself",
            "a label other than " + String.join(", ", Observability.RESERVED_LABELS));
        continue;
      }
      check(path, k, Grammar.LABEL_KEY, LABEL_KEY);
      check(path, label.getValue(), Grammar.LABEL_VALUE, LABEL_VALUE);
    }
    for (Map.Entry<String, String> ini : s.php().iniOverrides().entrySet()) {
      String path = "service.php.ini." + ini.getKey();
      check(path, ini.getKey(), Grammar.INI_KEY, "a php.ini directive name such as opcache.revalidate_freq");
      check(
          path,
          ini.getValue(),
          Grammar.INI_VALUE,
          "a plain value of letters, digits, inner spaces and _ . , : / + @ - (what PHP reads unquoted)");
    }
    if (s.php().iniOverrides().containsKey("opcache.validate_timestamps")) {
      add(
          Kind.INVALID_VALUE,
          "service.php.ini.opcache.validate_timestamps",
          "opcache.validate_timestamps is set by service.php.opcacheValidateTimestamps",
          "service.php.opcacheValidateTimestamps: true|false instead of an ini override");
    }
    resources(s.resources());
    if (s.alerting()) {
      add(
          Kind.INVALID_VALUE,
          "service.alerting",
          "mw-experimental is allowed to be down and must never page; alerting is not supported",
          "false");
    }
  }

  private void resources(Resources r) {
    quantities("service.resources.requests", r.requests());
    quantities("service.resources.limits", r.limits());
    Resources.Quantities req = r.requests();
    Resources.Quantities lim = r.limits();
    if (Syntax.isCpuQuantity(req.cpu())
        && Syntax.isCpuQuantity(lim.cpu())
        && Syntax.cpuMillis(req.cpu()) > Syntax.cpuMillis(lim.cpu())) {
      add(
          Kind.INVALID_VALUE,
          "service.resources.requests.cpu",
          "cpu request " + req.cpu() + " exceeds the limit " + lim.cpu(),
          "a request no larger than service.resources.limits.cpu");
    }
    if (Syntax.isMemoryQuantity(req.memory())
        && Syntax.isMemoryQuantity(lim.memory())
        && Syntax.memoryBytes(req.memory()) > Syntax.memoryBytes(lim.memory())) {
      add(
          Kind.INVALID_VALUE,
          "service.resources.requests.memory",
          "memory request " + req.memory() + " exceeds the limit " + lim.memory(),
          "a request no larger than service.resources.limits.memory");
    }
  }

  private void quantities(String path, Resources.Quantities q) {
    check(path + ".cpu", q.cpu(), Grammar.CPU_QUANTITY, "a CPU quantity such as 1000m or 1.5");
    check(
        path + ".memory",
        q.memory(),
        Grammar.MEMORY_QUANTITY,
        "a memory quantity such as 3500Mi or 4Gi");
  }

  private void scheduling(Scheduling s) {
    check("scheduling.nodeLabel", s.nodeLabel().key(), Grammar.LABEL_KEY, LABEL_KEY);
    check("scheduling.nodeLabel", s.nodeLabel().value(), Grammar.LABEL_VALUE, LABEL_VALUE);
    if (s.taints().isEmpty()) {
      add(
          Kind.MISSING,
          "scheduling.taints",
          "no taints: other workloads could be scheduled on the dedicated hosts",
          "at least dedicated=mw-experimental:NoSchedule");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < s.taints().size(); i++) {
      Taint t = s.taints().get(i);
      String path = "scheduling.taints[" + i + "]";
      // A taint reusing the label's key or value was judged with the label already.
      if (!t.key().equals(s.nodeLabel().key())) {
        check(path, t.key(), Grammar.LABEL_KEY, LABEL_KEY);
      }
      if (!t.value().equals(s.nodeLabel().value())) {
        check(path, t.value(), Grammar.LABEL_VALUE, LABEL_VALUE);
      }
      if (!seen.add(t.key() + ":" + t.effect())) {
        add(
            Kind.DUPLICATE,
            path,
            "taint " + t.format() + " repeats the key and effect of an earlier taint",
            "each key and effect once");
      }
    }
  }

  private void deployers(Deployers d) {
    check("deployers.user", d.user(), Grammar.POSIX_NAME, POSIX_NAME);
    check("deployers.group", d.group(), Grammar.POSIX_NAME, POSIX_NAME);
    check("deployers.deploymentGroup", d.deploymentGroup(), Grammar.POSIX_NAME, POSIX_NAME);
    if (check(
            "deployers.mountMode",
            d.mountMode(),
            Grammar.OCTAL_MODE,
            "four octal digits such as 2775 (quote it in YAML: \"2775\")")
        && ((d.mountMode().charAt(2) - '0') & 2) == 0) {
      // The deployment group's engineers edit the code there: the group must be able to write.
      add(Kind.INVALID_VALUE, "deployers.mountMode", "mode " + d.mountMode() + " does not let the group "
          + d.group() + " write, and its engineers edit the code there", "a mode with group write, such as 2775 or 0775");
    }
    check(
        "deployers.switchKey",
        d.switchKey(),
        Grammar.HIERA_KEY,
        "a hiera key such as profile::kubernetes::node::mw_experimental");
  }

  private void codeRefresh(CodeRefresh c) {
    check(
        "codeRefresh.timerName",
        c.timerName(),
        Grammar.SYSTEMD_UNIT_NAME,
        "a systemd unit name of letters, digits and : _ . -");
    java.util.OptionalLong span = Syntax.systemdTimespan(c.interval());
    if (span.isEmpty() || span.getAsLong() <= 0) {
      add(Kind.INVALID_VALUE, "codeRefresh.interval", "interval " + printable(c.interval())
              + (span.isEmpty() ? " is not a systemd time span" : " never repeats the refresh"),
          "a systemd time span greater than zero, such as 1 hour, 30min or 1h30m");
    }
    check("codeRefresh.script", c.script(), Grammar.NORMAL_ABSOLUTE_PATH, NORMAL_PATH);
    check("codeRefresh.lockFile", c.lockFile(), Grammar.NORMAL_ABSOLUTE_PATH, NORMAL_PATH);
    check("codeRefresh.editsDirectory", c.editsDirectory(), Grammar.NORMAL_ABSOLUTE_PATH, NORMAL_PATH);
    if (c.keepEditsDays() < 1) {
      add(Kind.INVALID_VALUE, "codeRefresh.keepEditsDays", c.keepEditsDays() + " days keeps no edit", "1 or more days");
    }
    if (c.keepEditsCount() < 1) {
      add(Kind.INVALID_VALUE, "codeRefresh.keepEditsCount", c.keepEditsCount() + " copies keeps no edit", "1 or more");
    }
  }

  private void datacenters(Setup setup) {
    if (setup.datacenters().isEmpty()) {
      add(
          Kind.MISSING,
          "datacenters",
          "no datacenters",
          "at least one datacenter with one host, such as eqiad");
    }
    Map<String, String> hostOwner = new HashMap<>();
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
      for (int i = 0; i < dc.hosts().size(); i++) {
        String host = dc.hosts().get(i);
        String path = dcPath + ".hosts[" + i + "]";
        if (!check(path, host, Grammar.FQDN, FQDN)) {
          continue;
        }
        if (host.length() > MAX_HOST_LENGTH) {
          add(Kind.INVALID_VALUE, path, "host name is " + host.length() + " characters; the file named after it"
              + " (" + host + ".yaml) would exceed the file system's 255-byte limit",
              "a host name of at most " + MAX_HOST_LENGTH + " characters");
          continue;
        }
        String owner = hostOwner.putIfAbsent(host, dcPath);
        if (owner != null) {
          add(
              Kind.DUPLICATE,
              path,
              owner.equals(dcPath)
                  ? "host " + host + " is listed twice in " + dc.name()
                  : "host " + host + " is also in " + owner.substring("datacenters.".length()),
              "each host in exactly one datacenter, once");
        }
        String wanted = setup.hostDomain().replace("{dc}", dc.name());
        int at = setup.hostDomain().indexOf("{dc}");
        String family = at < 0 ? "" : setup.hostDomain().substring(at + "{dc}".length());
        boolean judged = owner == null && Syntax.isDnsLabel(dc.name()) && !family.isEmpty() && host.endsWith(family);
        if (judged && !host.endsWith("." + wanted)) {
          String domain = host.substring(host.indexOf('.') + 1);
          add(Kind.INVALID_VALUE, path, "host " + host + " is in " + domain + ", not in " + wanted
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
      String owner = hostOwner.get(dc.cname().name());
      if (owner != null && !owner.equals("datacenters." + dc.name())) {
        add(
            Kind.INVALID_VALUE,
            "datacenters." + dc.name() + ".cname.name",
            "CNAME " + dc.cname().name() + " is a host of " + owner,
            "a name that is no host's");
      }
    }
  }

  private void debugRouting(Setup setup) {
    DebugRouting r = setup.debugRouting();
    boolean sharedTemplate = !r.datacenterBackend().contains("{dc}");
    if (sharedTemplate && setup.datacenters().size() > 1) {
      add(
          Kind.INVALID_VALUE,
          "debugRouting.datacenterBackend",
          "template '" + r.datacenterBackend() + "' has no {dc}, so datacenters share one backend",
          "a template with {dc}, such as k8s-{service}-{dc}");
    }
    Map<String, Route> byName = new HashMap<>();
    for (Route route : setup.routes()) {
      String path =
          route.kind() == Route.Kind.DATACENTER
              ? "debugRouting.datacenterBackend"
              : "datacenters." + route.datacenter() + ".hosts";
      boolean fromBadParts =
          route.kind() == Route.Kind.HOST
              ? !Syntax.isFqdn(route.backend())
              : !Syntax.isDnsLabel(setup.service().name()) || !Syntax.isDnsLabel(route.datacenter());
      if (fromBadParts) {
        continue;
      }
      if (!Syntax.isXwdBackend(route.backend())) {
        add(
            Kind.INVALID_VALUE,
            path,
            "backend name '" + route.backend() + "' cannot be selected through X-Wikimedia-Debug",
            "letters, digits, '.' and '-' (ATS matches backend=([%a%d%.-]+))");
        continue;
      }
      Route other = byName.putIfAbsent(route.backend(), route);
      // The same host twice is reported by the host rules; a real clash routes two places.
      boolean templateClash =
          sharedTemplate && other != null && other.kind() == Route.Kind.DATACENTER && route.kind() == other.kind();
      if (other != null && !templateClash && !other.targetHost().equals(route.targetHost())) {
        add(
            Kind.DUPLICATE,
            path,
            "backend "
                + route.backend()
                + " would route to both "
                + other.targetHost()
                + " and "
                + route.targetHost(),
            "unique X-Wikimedia-Debug backend names");
      }
    }
    Set<String> dcNames = new HashSet<>();
    for (Datacenter dc : setup.datacenters()) {
      dcNames.add(dc.name());
    }
    Set<String> scopeNames = new HashSet<>();
    Set<String> requestHosts = new HashSet<>();
    for (int i = 0; i < r.scopes().size(); i++) {
      RoutingScope scope = r.scopes().get(i);
      String path = "debugRouting.scopes[" + i + "]";
      if (check(path + ".name", scope.name(), Grammar.SCOPE_NAME, "a lower-case scope name")
          && (scope.name().equals("default") || !scopeNames.add(scope.name()))) {
        add(
            Kind.DUPLICATE,
            path + ".name",
            "scope " + scope.name() + " is defined twice ('default' is built in)",
            "unique scope names other than default");
      }
      if (scope.requestHosts().isEmpty()) {
        add(Kind.MISSING, path + ".requestHosts", "scope matches no Host header", "one or more");
      }
      for (int j = 0; j < scope.requestHosts().size(); j++) {
        String host = scope.requestHosts().get(j);
        String hostPath = path + ".requestHosts[" + j + "]";
        if (check(hostPath, host, Grammar.FQDN, FQDN) && !requestHosts.add(host)) {
          add(Kind.DUPLICATE, hostPath, "Host " + host + " selects two scopes", "each Host once");
        }
      }
      for (int j = 0; j < scope.datacenters().size(); j++) {
        String dc = scope.datacenters().get(j);
        if (!dcNames.contains(dc)) {
          add(
              Kind.REFERENCE,
              path + ".datacenters[" + j + "]",
              "scope names datacenter " + dc + ", which is not defined",
              "one of " + dcNames.stream().sorted().toList());
        }
      }
    }
  }

  private boolean check(String path, String value, Grammar rule, String expected) {
    if (rule.accepts(value)) {
      return true;
    }
    add(Kind.INVALID_VALUE, path, "'" + printable(value) + "' is not valid here", expected);
    return false;
  }

  private void add(Kind kind, String path, String message, String expected) {
    problems.add(Problem.of(kind, path, message, expected));
  }

  /** Shows control characters and long values safely inside one-line messages. */
  static String printable(String value) {
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .limit(120)
        .forEach(
            cp -> {
              if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
                out.append(String.format("\\u%04x", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    if (value.codePointCount(0, value.length()) > 120) {
      out.append("…");
    }
    return out.toString();
  }

  private static final String DNS_LABEL =
      "a DNS-1123 label: lower-case letters, digits and '-', at most 63 characters";
  private static final String FQDN =
      "a lower-case fully-qualified host name such as wikikube-worker-exp1001.eqiad.wmnet";
  private static final String LABEL_KEY =
      "a Kubernetes label key such as dedicated or example.org/role";
  private static final String LABEL_VALUE =
      "a Kubernetes label value: at most 63 letters, digits, '-', '_' or '.'";
  private static final String POSIX_NAME = "a POSIX user or group name such as mwdeploy";
  /** Files are named {@code <host>.yaml}; file names have at most 255 bytes. */
  static final int MAX_HOST_LENGTH = 255 - ".yaml".length();

  private static final String NORMAL_PATH =
      "an absolute, normalized path such as /srv/mediawiki (no '..', '//' or trailing '/')";
}
