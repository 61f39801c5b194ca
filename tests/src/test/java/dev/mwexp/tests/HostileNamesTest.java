package dev.mwexp.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mwexp.consistency.facts.Backend;
import dev.mwexp.consistency.facts.CnameRecord;
import dev.mwexp.consistency.read.RoutingTableReader;
import dev.mwexp.consistency.read.CnameFacts;
import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Exporters;
import dev.mwexp.model.Datacenter;
import dev.mwexp.model.ImmutableCname;
import dev.mwexp.model.ImmutableCodeRefresh;
import dev.mwexp.model.ImmutableDatacenter;
import dev.mwexp.model.ImmutableDeployers;
import dev.mwexp.model.ImmutablePhp;
import dev.mwexp.model.ImmutableScheduling;
import dev.mwexp.model.ImmutableService;
import dev.mwexp.model.ImmutableSetup;
import dev.mwexp.model.NodeLabel;
import dev.mwexp.model.Setup;
import dev.mwexp.testing.SetupGenerators;
import dev.mwexp.validation.Problem;
import dev.mwexp.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Names built to inject — quotes, {@code ]]}, newlines, {@code ..}, {@code /}, look-alikes,
 * {@code ${…}}, {@code %{…}}, leading dashes, over-long labels — put into every named field: each
 * is refused by validation with a problem at that field, or emitted so that every artifact parses
 * back with the value unchanged and no extra keys, backends or records.
 */
class HostileNamesTest {

  private static final List<String> HOSTILE = List.of("\"", "'", "]]", "[[", "\n", "\r\n", "..", "/", "\\", "${HOME}",
      "%{facts.fqdn}", "-", ":", "#", ";", " ", "\u0456", "\u0000", "--", "os.execute(\"id\")", " IN A 10.0.0.1",
      "x".repeat(70), "\t", "=", "*", "&a", "!!str", "\u202e", "\ufeff", "..\\..", "{}", "@", "\u00e9");
  private static final List<String> BENIGN = List.of("mw", "exp1", "eqiad", "a-b", "x.y", "0", "wmnet", "on", "0775");

  private static final AtomicInteger REFUSED = new AtomicInteger();
  private static final AtomicInteger ACCEPTED = new AtomicInteger();

  private static Gen<String> names() {
    return in -> {
      StringBuilder s = new StringBuilder();
      int parts = integers().between(1, 4).generate(in);
      for (int i = 0; i < parts; i++) {
        List<String> pool = integers().between(0, 2).generate(in) == 0 ? BENIGN : HOSTILE;
        s.append(pool.get(integers().between(0, pool.size() - 1).generate(in)));
      }
      return s.toString();
    };
  }

  /** A field, how to put a name into it, and the model path a refusal must name. */
  private record Field(String path, BiFunction<Setup, String, Setup> inject) {}

  private static final List<Field> FIELDS = List.of(
      new Field("datacenters.%s.hosts[1]", (s, v) -> dc(s, d -> d.withHosts(append(d.hosts(), v + "." + d.name() + ".wmnet")))),
      new Field("datacenters.%s.cname.name", (s, v) -> dc(s, d -> d.withCname(ImmutableCname.copyOf(d.cname()).withName(v)))),
      new Field("service.name", (s, v) -> service(s, x -> x.withName(v))),
      new Field("service.servergroup", (s, v) -> service(s, x -> x.withServergroup(v))),
      new Field("service.image", (s, v) -> service(s, x -> x.withImage(v))),
      new Field("service.mountPath", (s, v) -> service(s, x -> x.withMountPath("/srv/" + v))),
      new Field("service.php.ini.memory_limit", (s, v) -> service(s, x -> x.withPhp(ImmutablePhp.copyOf(x.php()).withIniOverrides(Map.of("memory_limit", v))))),
      new Field("scheduling.nodeLabel", (s, v) -> ImmutableSetup.copyOf(s).withScheduling(ImmutableScheduling.copyOf(s.scheduling())
          .withNodeLabel(NodeLabel.of(s.scheduling().nodeLabel().key(), v)))),
      new Field("deployers.user", (s, v) -> ImmutableSetup.copyOf(s).withDeployers(ImmutableDeployers.copyOf(s.deployers()).withUser(v))),
      new Field("codeRefresh.interval", (s, v) -> ImmutableSetup.copyOf(s).withCodeRefresh(ImmutableCodeRefresh.copyOf(s.codeRefresh()).withInterval(v))));

  @Test
  void hostileNamesAreRefusedOrInert() {
    qt().withExamples(3000)
        .forAll(SetupGenerators.setups(), integers().between(0, FIELDS.size() - 1), names())
        .checkAssert((setup, fieldIndex, name) -> {
          Field field = FIELDS.get(fieldIndex);
          Setup hostile = field.inject().apply(setup, name);
          String path = String.format(field.path(), setup.datacenters().get(0).name());
          List<Problem> problems = Validator.validate(hostile);
          if (!problems.isEmpty()) {
            REFUSED.incrementAndGet();
            assertThat(problems).as("refusal of %s in %s", name, path)
                .anySatisfy(p -> assertThat(path.startsWith(p.path()) || p.path().startsWith(path.replaceAll("\\[\\d+]$", ""))
                    || p.path().startsWith("debugRouting") || p.path().startsWith("datacenters.")).isTrue());
            return;
          }
          ACCEPTED.incrementAndGet();
          assertInert(hostile);
        });
  }

  @AfterAll
  static void report() {
    assertThat(REFUSED.get()).isPositive();
    assertThat(ACCEPTED.get()).isPositive();
    System.out.println("hostile names: " + REFUSED.get() + " refused with a problem, " + ACCEPTED.get() + " accepted and inert");
  }

  private static final Yaml YAML_11 = new Yaml(new SafeConstructor(new LoaderOptions()));
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Every artifact parses back to exactly what the model says: no extra keys, backends, records. */
  private static void assertInert(Setup setup) {
    Artifacts artifacts = Exporters.compile(setup, Exporters.exporters().keySet());
    try {
      for (Map.Entry<String, String> file : artifacts.files().entrySet()) {
        if (file.getKey().endsWith(".yaml")) {
          for (Object doc : YAML_11.loadAll(file.getValue())) {
            assertThat(doc).as(file.getKey()).isInstanceOf(Map.class);
          }
        }
      }
      for (String host : setup.allHosts()) {
        Map<String, Object> keys = YAML_11.load(artifacts.get(
            "puppet/hieradata/hosts/" + dev.mwexp.fragment.Ownership.shortName(host) + ".yaml"));
        assertThat(keys).hasSize(3);
        assertThat(keys.get("profile::kubernetes::node::kubelet_node_labels")).isEqualTo(List.of(setup.scheduling().nodeLabel().format()));
        assertThat((List<?>) keys.get("profile::kubernetes::node::kubelet_node_taints")).hasSize(setup.scheduling().taints().size());
      }

      List<Backend> backends = RoutingTableReader.read("lua",
          artifacts.get("puppet/modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua"));
      assertThat(backends).extracting(b -> b.name() + " " + b.host() + " " + b.port())
          .containsExactlyElementsOf(setup.routes().stream().map(r -> r.backend() + " " + r.targetHost() + " " + r.port()).toList());

      List<CnameRecord> records = CnameFacts.read("zone", artifacts.get("dns/templates/wmnet"), setup.service().name());
      assertThat(records).extracting(r -> r.name() + " " + r.target())
          .containsExactlyInAnyOrderElementsOf(setup.sortedDatacenters().stream().map(d -> d.cname().name() + " " + d.cname().target()).toList());

      for (Datacenter dc : setup.sortedDatacenters()) {
        String kind = setup.scheduling().workload().kind().toLowerCase(java.util.Locale.ROOT);
        JsonNode workload = YAML.readTree(artifacts.get("k8s/" + dc.name() + "/" + kind + ".yaml"));
        assertThat(workload.path("spec").path("template").path("spec").path("nodeSelector").path(setup.scheduling().nodeLabel().key()).asText())
            .isEqualTo(setup.scheduling().nodeLabel().value());
        JsonNode env = workload.path("spec").path("template").path("spec").path("containers").get(0).path("env");
        assertThat(env.size()).isEqualTo(2);
        assertThat(env.get(1).path("value").asText()).isEqualTo(setup.service().servergroup());
        JsonNode config = YAML.readTree(artifacts.get("k8s/" + dc.name() + "/configmap-php.yaml"));
        String ini = config.path("data").path("99-mw-experimental.ini").asText();
        setup.service().php().iniOverrides().forEach((k, v) -> assertThat(ini).contains("\n" + k + "=" + v + "\n"));
        assertThat(ini.lines().filter(l -> !l.startsWith(";")).count())
            .isEqualTo(new java.util.TreeSet<>(allIniKeys(setup)).size());
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> allIniKeys(Setup setup) {
    List<String> keys = new ArrayList<>(setup.service().php().iniOverrides().keySet());
    keys.add("opcache.validate_timestamps");
    if (setup.service().php().develMode()) {
      keys.add("opcache.revalidate_freq");
      keys.add("display_errors");
    }
    return keys;
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }

  private static Setup service(Setup s, java.util.function.UnaryOperator<ImmutableService> f) {
    return ImmutableSetup.copyOf(s).withService(f.apply(ImmutableService.copyOf(s.service())));
  }

  private static Setup dc(Setup s, java.util.function.UnaryOperator<ImmutableDatacenter> f) {
    List<Datacenter> dcs = new ArrayList<>(s.datacenters());
    dcs.set(0, f.apply(ImmutableDatacenter.copyOf(dcs.get(0))));
    return ImmutableSetup.copyOf(s).withDatacenters(dcs);
  }
}
