package dev.mwexp.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import dev.mwexp.export.Exporters;
import dev.mwexp.fragment.Ownership;
import dev.mwexp.fragment.Repository;
import dev.mwexp.model.Setup;
import dev.mwexp.repos.Checkouts;
import dev.mwexp.repos.Sync;
import dev.mwexp.spec.Spec;
import dev.mwexp.testing.Fixtures;
import dev.mwexp.testing.RealClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What sync writes into checkouts shaped like today's repositories, read by the real clients:
 * busted under LuaJIT on the routing script beside the other services' backends; real Helm
 * rendering the values files in helmfile's order over a chart of these tests; named-checkzone on
 * the zone; Puppet's lookup through a production-shaped hierarchy with short host names and an
 * expand_path-style level, checking the Puppet types; and a JSON or YAML parser on every file.
 */
class RealRepositoriesClientsTest {

  @TempDir static Path tmp;

  private static Setup setup;
  private static Map<Repository, Path> roots;

  /** Today's repositories, synced with an eqiad of two hosts (so per-host backends exist too). */
  @BeforeAll
  static void sync() throws Exception {
    Map<String, Path> dirs = Fixtures.copy(tmp.resolve("repos"));
    roots = new java.util.TreeMap<>();
    for (Repository r : Repository.all()) {
      if (r.builtIn()) {
        roots.put(r, dirs.get(r.directory()));
      }
    }
    setup = Spec.parse(Spec.defaultSpecText().replace("      - wikikube-worker-exp1001.eqiad.wmnet\n",
        "      - wikikube-worker-exp1001.eqiad.wmnet\n      - wikikube-worker-exp1002.eqiad.wmnet\n"), "spec.yaml");
    List<String> written = Sync.plan(Exporters.fragments(setup), Checkouts.of(roots)).write();
    // The host's hiera, site.pp, the routing table, the profile class's host guides, eqiad's values, debug.json.
    assertThat(written).hasSize(6);
  }

  @Test
  void bustedUnderLuaJitRoutesTheSyncedScriptBesideTheOtherServices() throws Exception {
    RealClients.require("busted");
    RealClients.require("luajit");
    Path script = roots.get(Repository.PUPPET).resolve("modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua");
    Path expected = Files.writeString(tmp.resolve("routes.txt"), setup.routes().stream()
        .map(r -> r.backend() + " " + r.targetHost() + " " + r.port()).collect(Collectors.joining("\n", "", "\n")));
    Path test = Path.of("src/test/resources/busted/x-wikimedia-debug-routing_test.lua").toAbsolutePath();
    RealClients.Result r = RealClients.run(List.of("env", "ROUTING_SCRIPT=" + script, "EXPECTED_ROUTES=" + expected,
        "busted", "--lua=luajit", "--output=plainTerminal", test.toString()), tmp, 120);
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("6 successes / 0 failures / 0 errors");
  }

  @Test
  void realHelmKeepsRecreateAndTheServicesOwnResourcesThroughTheMerge() throws Exception {
    Path service = roots.get(Repository.CHARTS).resolve("helmfile.d/services/mw-experimental");
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (String dc : List.of("eqiad", "codfw")) {
      // helmfile's order: global.yaml (the common file, a link), values.yaml, global-<dc>, values-<dc>.
      String rendered = new Helm(Path.of("src/test/resources/chart").toAbsolutePath()).template()
          .withName("pinkllama").withNamespace("mw-experimental")
          .withValuesFile(service.resolve("global.yaml")).withValuesFile(service.resolve("values.yaml"))
          .withValuesFile(service.resolve("global-" + dc + ".yaml")).withValuesFile(service.resolve("values-" + dc + ".yaml"))
          .call();
      List<JsonNode> docs = new ArrayList<>();
      yaml.readerFor(JsonNode.class).readValues(yaml.getFactory().createParser(rendered)).forEachRemaining(d -> docs.add((JsonNode) d));
      JsonNode deployment = docs.stream().filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
      JsonNode serviceDoc = docs.stream().filter(d -> d.path("kind").asText().equals("Service")).findFirst().orElseThrow();
      assertThat(deployment.at("/spec/replicas").asInt()).as(dc).isEqualTo(setup.datacenter(dc).orElseThrow().hosts().size());
      // rollingUpdate: ~ took out the common file's rollingUpdate (null is what Kubernetes reads as unset).
      assertThat(deployment.at("/spec/strategy/type").asText()).isEqualTo("Recreate");
      assertThat(deployment.at("/spec/strategy/rollingUpdate").isMissingNode() || deployment.at("/spec/strategy/rollingUpdate").isNull())
          .as(rendered).isTrue();
      JsonNode container = deployment.at("/spec/template/spec/containers/0");
      assertThat(container.at("/resources/requests/cpu").asText()).isEqualTo("1000m");
      assertThat(container.at("/resources/requests/memory").asText()).isEqualTo("3500Mi");
      assertThat(container.at("/resources/limits/cpu").asText()).isEqualTo("2000m");
      assertThat(container.at("/resources/limits/enforced").asBoolean()).isFalse();
      assertThat(container.at("/env/0/value").asText()).isEqualTo("1");
      assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/srv/mediawiki");
      assertThat(deployment.at("/spec/template/spec/nodeSelector/dedicated").asText()).isEqualTo("mw-experimental");
      // One pod per host: the pods' own labels select each other, apart by hostname.
      JsonNode term = deployment.at("/spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/0");
      assertThat(term.at("/topologyKey").asText()).as(rendered).isEqualTo("kubernetes.io/hostname");
      term.at("/labelSelector/matchLabels").fields().forEachRemaining(l ->
          assertThat(deployment.at("/spec/template/metadata/labels/" + l.getKey()).asText()).as(l.getKey())
              .isEqualTo(l.getValue().asText()));
      assertThat(deployment.at("/spec/template/spec/tolerations")).hasSize(2);
      assertThat(serviceDoc.at("/spec/ports/0/nodePort").asInt()).isEqualTo(4456);
    }
  }

  /** Without the flags mwexp writes, the common file would win: the reason they are managed. */
  @Test
  void withoutTheFlagsTheCommonFileWouldWin() throws Exception {
    Path service = roots.get(Repository.CHARTS).resolve("helmfile.d/services/mw-experimental");
    String values = Files.readString(service.resolve("values.yaml")).replace("  rollingUpdate: ~\n", "")
        .replace("    auto_compute: false\n", "");
    Path stripped = Files.writeString(tmp.resolve("values-without-flags.yaml"), values);
    String rendered = new Helm(Path.of("src/test/resources/chart").toAbsolutePath()).template()
        .withName("pinkllama").withValuesFile(service.resolve("global.yaml")).withValuesFile(stripped).call();
    assertThat(rendered).contains("maxUnavailable: 6%").contains("cpu: computed");
  }

  @Test
  void namedCheckzoneLoadsTheSyncedZone() throws Exception {
    RealClients.require("named-checkzone");
    // The template rendered as operations/dns does: the serial filled in, includes left out.
    String template = Files.readString(roots.get(Repository.DNS).resolve("templates/wmnet"));
    String zone = template.lines().filter(l -> !l.strip().startsWith("{%"))
        .map(l -> l.replace("{{ serial }}", "2026112501")).collect(Collectors.joining("\n", "", "\n"));
    Path file = Files.writeString(tmp.resolve("wmnet.zone"), zone);
    RealClients.Result r = RealClients.run(List.of("named-checkzone", "-i", "local", "wmnet", file.toString()), tmp, 60);
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("OK");
    // And compile's own zone, for an empty repository.
    Path compiled = Files.writeString(tmp.resolve("compiled.zone"),
        Exporters.compile(setup, List.of("dns")).get("dns/templates/wmnet"));
    RealClients.Result c = RealClients.run(List.of("named-checkzone", "-i", "local", "wmnet", compiled.toString()), tmp, 60);
    assertThat(c.exitCode()).as(c.output()).isZero();
  }

  @Test
  void puppetLooksUpEveryHostThroughTheProductionShapedHierarchy() throws Exception {
    RealClients.require("puppet");
    Path puppet = roots.get(Repository.PUPPET);
    Path config = Files.copy(Path.of("src/test/resources/puppet/hiera.yaml"), puppet.resolve("hiera-production-shaped.yaml"));
    Path modules = Path.of("src/test/resources/puppet/modules").toAbsolutePath();
    String taintType = "Optional[Array[Struct[{key => String[1], effect => Enum['NoSchedule','PreferNoSchedule','NoExecute'],"
        + " Optional[value] => String[1]}]]]";
    String manifest = String.join("\n",
        "$on = lookup('profile::kubernetes::node::mw_experimental')",
        "$labels = lookup('profile::kubernetes::node::kubelet_node_labels')",
        "$taints = lookup('profile::kubernetes::node::kubelet_node_taints')",
        "$domain = lookup('profile::kubernetes::node::kubelet_cluster_domain')",
        "notice(\"MWEXP\\t${$on =~ Boolean}\\t${on}\\t${$labels =~ Array[String]}\\t${labels.join(',')}\\t${$taints =~ " + taintType
            + "}\\t${$taints.map |$t| { \"${t['key']}=${t['value']}:${t['effect']}\" }.join(',')}\\t${domain}\")", "");
    Path pp = Files.writeString(tmp.resolve("lookup.pp"), manifest);
    List<String> hosts = new ArrayList<>(setup.allHosts());
    hosts.add("wikikube-worker1001.eqiad.wmnet");
    for (String host : hosts) {
      String[] labels = host.split("\\.");
      Path state = Files.createDirectories(tmp.resolve("puppet-" + labels[0]));
      RealClients.Result r = RealClients.run(List.of("env", "FACTER_hostname=" + labels[0], "FACTER_site=" + labels[1],
          "FACTER__role=kubernetes/worker", "puppet", "apply", "--color=false", "--noop", "--hiera_config", config.toString(),
          "--modulepath", modules.toString(), "--certname", host, "--confdir", state.resolve("conf").toString(),
          "--codedir", state.resolve("code").toString(), "--vardir", state.resolve("var").toString(),
          "--logdir", state.resolve("log").toString(), "--rundir", state.resolve("run").toString(), pp.toString()), puppet, 120);
      String line = r.output().lines().filter(l -> l.contains("MWEXP\t")).findFirst().orElseThrow(() -> new AssertionError(r.output()));
      String[] cells = line.substring(line.indexOf("MWEXP\t")).split("\t", -1);
      boolean ours = setup.allHosts().contains(host);
      String taints = setup.scheduling().taints().stream().map(t -> t.key() + "=" + t.value() + ":" + t.effect().kubernetesName())
          .collect(Collectors.joining(","));
      assertThat(List.of(cells).subList(1, cells.length)).as(host + "\n" + r.output()).containsExactly(
          "true", String.valueOf(ours),
          "true", ours ? setup.scheduling().nodeLabel().format() : "node.kubernetes.io/disk-type=ssd",
          "true", ours ? taints : "",
          // Found only through the expand_path level (common/profile/kubernetes/node.yaml).
          "cluster.local");
      assertThat(Files.exists(puppet.resolve("hieradata/hosts/" + Ownership.shortName(host) + ".yaml"))).isTrue();
    }
  }

  @Test
  void everyFileSyncWroteParses() throws Exception {
    Yaml yaml11 = new Yaml(new SafeConstructor(new LoaderOptions()));
    ObjectMapper json = new ObjectMapper();
    int parsed = 0;
    for (Path root : roots.values()) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          String text = Files.readString(p);
          // helmfile.yaml is a Go template that helmfile renders into YAML, not YAML itself.
          if (p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("helmfile.yaml")) {
            yaml11.loadAll(text).forEach(d -> { });
            parsed++;
          } else if (p.getFileName().toString().equals("debug.json")) {
            assertThat(json.readTree(text).path("backends").isArray()).isTrue();
            parsed++;
          } else if (p.toString().endsWith(".json") || p.toString().endsWith(".lock")) {
            assertThat(json.readTree(text).isContainerNode()).as(p.toString()).isTrue();
            parsed++;
          }
        }
      }
    }
    assertThat(parsed).isGreaterThan(15);
  }
}
