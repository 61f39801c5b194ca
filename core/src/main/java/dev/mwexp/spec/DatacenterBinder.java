package dev.mwexp.spec;

import dev.mwexp.model.Datacenter;
import dev.mwexp.model.ImmutableCname;
import dev.mwexp.model.ImmutableDatacenter;
import dev.mwexp.model.Service;
import dev.mwexp.validation.Problem.Kind;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Binds one datacenter: its hosts and CNAME, defaults from the service, reporting through the binder. */
final class DatacenterBinder {

  private final SpecBinder binder;

  DatacenterBinder(SpecBinder binder) {
    this.binder = binder;
  }

  Datacenter datacenter(String name, SpecBinder.Fields f, Service service) {
    ImmutableDatacenter.Builder b = ImmutableDatacenter.builder().name(name);
    List<String> hosts = f.stringList("hosts").orElse(List.of());
    if (!f.has("hosts")) {
      binder.problem(Kind.MISSING, f.path("hosts"), f.node, "datacenter " + name + " has no hosts:", "hosts: [a fully-qualified host name]");
    }
    b.hosts(hosts);
    // Users reach a datacenter through <service>.<the hosts' domain>, as mw-experimental.eqiad.wmnet,
    // pointing at the first of the hosts in that domain.
    String domain = commonDomain(hosts).orElse(name + ".wmnet");
    String target =
        hosts.stream()
            .filter(h -> h.endsWith("." + domain))
            .sorted()
            .findFirst()
            .or(() -> hosts.stream().sorted().findFirst())
            .orElse("");
    ImmutableCname.Builder cname =
        ImmutableCname.builder().name(service.name() + "." + domain).target(target);
    Optional<Node> cnameNode = f.get("cname");
    if (cnameNode.isPresent()) {
      String path = f.path("cname");
      Node node = cnameNode.get();
      if (node instanceof ScalarNode) {
        binder.scalarText(path, node).ifPresent(cname::name);
      } else {
        binder.mappingValue(path, node)
            .ifPresent(
                c -> {
                  c.string("name").ifPresent(cname::name);
                  c.string("target").ifPresent(cname::target);
                  c.integer("ttl").ifPresent(cname::ttl);
                  c.finish();
                });
      }
    }
    b.cname(cname.build());
    f.finish();
    return b.build();
  }

  /** The domain most hosts share, ties broken by name, so the default is order-independent. */
  static Optional<String> commonDomain(List<String> hosts) {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    for (String host : hosts) {
      int dot = host.indexOf('.');
      if (dot > 0 && dev.mwexp.validation.Syntax.isFqdn(host)) {
        counts.merge(host.substring(dot + 1), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey);
  }
}
