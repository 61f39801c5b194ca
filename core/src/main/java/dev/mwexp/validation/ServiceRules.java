package dev.mwexp.validation;

import dev.mwexp.model.Observability;
import dev.mwexp.model.PortRange;
import dev.mwexp.model.Resources;
import dev.mwexp.model.Service;
import dev.mwexp.validation.Problem.Kind;
import java.util.List;
import java.util.Map;

/** The rules of the service: name, namespace, release, image, ports, PHP, resources, observability. */
final class ServiceRules extends Rules {

  ServiceRules(List<Problem> problems) {
    super(problems);
  }

  void check(Service s) {
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
    urlTemplate("service.observability.grafanaUrl", s.observability().grafanaUrl());
    urlTemplate("service.observability.logstashUrl", s.observability().logstashUrl());
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

  /**
   * A URL template of where engineers look: https, only the known placeholders, and none of the
   * characters the host's motd (printf in /bin/sh, inside double quotes) would read.
   */
  private void urlTemplate(String path, String template) {
    String rest = template;
    for (String p : Observability.URL_PLACEHOLDERS) {
      rest = rest.replace(p, "");
    }
    if (!template.startsWith("https://")) {
      add(Kind.INVALID_VALUE, path, "the URL does not start with https://", urlExpected());
    } else if (rest.contains("{") || rest.contains("}")) {
      add(Kind.INVALID_VALUE, path, "the URL has a placeholder mwexp does not know", urlExpected());
    } else if (hasUnencoded(rest)) {
      add(Kind.INVALID_VALUE, path, "the URL has a space, quote, $, ` or backslash unencoded", urlExpected());
    }
  }

  /** A loop, not a stream: every load checks both URLs, and the stream's set-up showed in small specs' profiles. */
  private static boolean hasUnencoded(String url) {
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= ' ' || c == '"' || c == '$' || c == '`' || c == '\\' || c > '~') {
        return true;
      }
    }
    return false;
  }

  private static String urlExpected() {
    return "an https URL with only the placeholders " + String.join(" ", Observability.URL_PLACEHOLDERS)
        + ", percent-encoding spaces, quotes, $ and backslashes";
  }
}
