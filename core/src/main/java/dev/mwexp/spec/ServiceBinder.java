package dev.mwexp.spec;

import dev.mwexp.model.ImmutableObservability;
import dev.mwexp.model.ImmutablePhp;
import dev.mwexp.model.ImmutableResources;
import dev.mwexp.model.ImmutableService;
import dev.mwexp.model.PortRange;
import dev.mwexp.model.Resources;
import dev.mwexp.model.Service;
import dev.mwexp.validation.Problem.Kind;
import java.util.Optional;

/** Binds the service section: name, namespace, image, ports, PHP, resources, observability, reporting through the binder. */
final class ServiceBinder {

  private final SpecBinder binder;

  ServiceBinder(SpecBinder binder) {
    this.binder = binder;
  }

  Service service(SpecBinder.Fields f) {
    ImmutableService.Builder b = ImmutableService.builder();
    f.string("name").ifPresent(b::name);
    f.string("namespace").ifPresent(b::namespace);
    f.string("release").ifPresent(b::release);
    f.string("servergroup").ifPresent(b::servergroup);
    f.string("image").ifPresent(b::image);
    f.string("mountPath").ifPresent(b::mountPath);
    f.integer("port").ifPresent(b::port);
    f.string("nodePortRange").flatMap(r -> portRange(f.path("nodePortRange"), r)).ifPresent(b::nodePortRange);
    f.mapping("php").map(this::php).ifPresent(b::php);
    f.mapping("resources").map(this::resources).ifPresent(b::resources);
    f.bool("alerting").ifPresent(b::alerting);
    f.mapping("observability").map(this::observability).ifPresent(b::observability);
    f.bool("createNamespace").ifPresent(b::createNamespace);
    f.finish();
    return b.build();
  }

  Optional<PortRange> portRange(String path, String text) {
    String[] parts = text.split("-", -1);
    if (parts.length == 2 && SpecBinder.DECIMAL.matcher(parts[0]).matches() && SpecBinder.DECIMAL.matcher(parts[1]).matches()) {
      return Optional.of(PortRange.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
    }
    binder.problem(Kind.INVALID_VALUE, path, null, "'" + text + "' is not a port range", "MIN-MAX such as 30000-32767");
    return Optional.empty();
  }

  dev.mwexp.model.Php php(SpecBinder.Fields f) {
    ImmutablePhp.Builder b = ImmutablePhp.builder();
    f.bool("opcacheValidateTimestamps").ifPresent(b::opcacheValidateTimestamps);
    f.bool("develMode").ifPresent(b::develMode);
    f.stringMap("ini").ifPresent(b::putAllIniOverrides);
    f.finish();
    return b.build();
  }

  Resources resources(SpecBinder.Fields f) {
    Resources defaults = Resources.WIKIMEDIA;
    ImmutableResources.Builder b = ImmutableResources.builder();
    b.requests(f.mapping("requests").map(q -> quantities(q, defaults.requests())).orElse(defaults.requests()));
    b.limits(f.mapping("limits").map(q -> quantities(q, defaults.limits())).orElse(defaults.limits()));
    f.finish();
    return b.build();
  }

  Resources.Quantities quantities(SpecBinder.Fields f, Resources.Quantities defaults) {
    String cpu = f.string("cpu").orElse(defaults.cpu());
    String memory = f.string("memory").orElse(defaults.memory());
    f.finish();
    return Resources.Quantities.of(cpu, memory);
  }

  dev.mwexp.model.Observability observability(SpecBinder.Fields f) {
    ImmutableObservability.Builder b = ImmutableObservability.builder();
    f.bool("prometheusScrape").ifPresent(b::prometheusScrape);
    f.integer("metricsPort").ifPresent(b::metricsPort);
    f.stringMap("labels").ifPresent(b::putAllLabels);
    f.string("grafanaUrl").ifPresent(b::grafanaUrl);
    f.string("logstashUrl").ifPresent(b::logstashUrl);
    f.finish();
    return b.build();
  }
}
