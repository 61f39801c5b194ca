package dev.mwexp.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.mwexp.consistency.ArtifactTrees;
import dev.mwexp.consistency.Link;
import dev.mwexp.consistency.Report;
import dev.mwexp.consistency.RoutingConsistency;
import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Exporters;
import dev.mwexp.model.Datacenter;
import dev.mwexp.model.ImmutableSetup;
import dev.mwexp.model.Route;
import dev.mwexp.model.Setup;
import dev.mwexp.testing.SetupGenerators;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The exporters agree: for every generated setup the compiled trees route consistently, every
 * single-artifact mutation breaks exactly its own link, and output is byte-identical however the
 * spec orders hosts and datacenters.
 */
class ConsistencyPropertiesTest {

  private static final int TRIES = 1000;
  private static final List<String> FORMATS = List.of("hiera", "k8s", "ats", "dns");

  private static Report check(Artifacts artifacts, Setup model) {
    try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
      Path root = fs.getPath("/out");
      for (Map.Entry<String, String> file : artifacts.files().entrySet()) {
        Path path = root.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue());
      }
      return model == null
          ? RoutingConsistency.check(ArtifactTrees.of(root))
          : RoutingConsistency.check(ArtifactTrees.of(root), model);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void compiledTreesRouteConsistently() {
    qt().withExamples(TRIES)
        .forAll(SetupGenerators.setups())
        .checkAssert(setup -> {
          Artifacts artifacts = Exporters.compile(setup, FORMATS);
          assertThat(check(artifacts, setup).violations()).as("with the model").isEmpty();
          assertThat(check(artifacts, null).violations()).as("trees alone").isEmpty();
        });
  }

  @Test
  void helmValuesRouteConsistentlyToo() {
    qt().withExamples(200)
        .forAll(SetupGenerators.setups())
        .checkAssert(setup -> {
          Artifacts artifacts = Exporters.compile(setup, List.of("hiera", "helm-values", "ats", "dns"));
          // What the chart's values cannot say is reported, and nothing else: a mount path other
          // than the chart's /srv/mediawiki (the profile class manages the model's). Any number of
          // hosts per datacenter checks clean: the values keep replicas apart (affinity.affinity,
          // which the chart writes into the pod) and ask for Local traffic policies; compile's tree
          // has no chart, so they are read as the changed chart renders them (a checkout's
          // vendored mesh.service is judged in MediawikiChartChangeTest).
          Set<Link> expected = new java.util.TreeSet<>();
          if (!setup.service().mountPath().equals("/srv/mediawiki")) {
            expected.add(Link.MOUNT_PATH);
          }
          assertThat(check(artifacts, null).links()).isEqualTo(expected);
        });
  }

  /** One edit of one artifact and the one link it must break. */
  private record Mutation(String name, Link link, BiFunction<Artifacts, Setup, Artifacts> apply) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<Mutation> MUTATIONS =
      List.of(
          new Mutation("change the Service's nodePort", Link.PORT, (a, s) -> Mutate.nodePort(a, s.service().port() + 1)),
          new Mutation("drop the label from a host's hiera", Link.LABEL,
              (a, s) -> Mutate.hieraList(a, s.allHosts().get(0), "profile::kubernetes::node::kubelet_node_labels",
                  s.scheduling().nodeLabel().format())),
          new Mutation("remove a taint from a host's hiera", Link.TAINTS,
              (a, s) -> Mutate.hieraList(a, s.allHosts().get(0), "profile::kubernetes::node::kubelet_node_taints",
                  s.scheduling().taints().get(0).format())),
          new Mutation("rename a host in the routing table", Link.HOST,
              (a, s) -> Mutate.luaHost(a, anyHostRoute(s), "renamed-host.example.wmnet")),
          new Mutation("point a CNAME elsewhere", Link.CNAME_TARGET,
              (a, s) -> Mutate.cnameTarget(a, s.sortedDatacenters().get(0).cname().name(), "nowhere.example.wmnet")),
          new Mutation("add an alert rule", Link.ALERTING,
              (a, s) -> Mutate.addAlertRule(a, s.sortedDatacenters().get(0).name(), s.service().namespace())));

  /** A host backend if the setup routes hosts, else a datacenter backend (same link: HOST). */
  private static Route anyHostRoute(Setup setup) {
    return setup.routes().stream().filter(r -> r.kind() == Route.Kind.HOST).findFirst()
        .orElse(setup.routes().get(0));
  }

  @Test
  void eachMutationBreaksExactlyItsLink() {
    qt().withExamples(TRIES)
        .forAll(SetupGenerators.setups(), integers().between(0, MUTATIONS.size() - 1))
        .checkAssert((setup, index) -> {
          Mutation mutation = MUTATIONS.get(index);
          Artifacts mutated = mutation.apply().apply(Exporters.compile(setup, FORMATS), setup);
          Report report = check(mutated, null);
          assertThat(report.links()).as(mutation.name() + "\n" + report.format()).containsExactly(mutation.link());
        });
  }

  @Test
  void outputIsByteIdenticalAcrossRunsAndOrderings() {
    qt().withExamples(300)
        .forAll(SetupGenerators.setups(), integers().all())
        .checkAssert((setup, seed) -> {
          Artifacts first = Exporters.compile(setup, Exporters.exporters().keySet());
          assertThat(Exporters.compile(setup, Exporters.exporters().keySet())).isEqualTo(first);
          Random random = new Random(seed);
          List<Datacenter> dcs = new ArrayList<>();
          for (Datacenter dc : setup.datacenters()) {
            List<String> hosts = new ArrayList<>(dc.hosts());
            Collections.shuffle(hosts, random);
            dcs.add(dev.mwexp.model.ImmutableDatacenter.copyOf(dc).withHosts(hosts));
          }
          Collections.shuffle(dcs, random);
          Setup shuffled = ImmutableSetup.copyOf(setup).withDatacenters(dcs);
          assertThat(Exporters.compile(shuffled, Exporters.exporters().keySet()).files())
              .containsExactlyEntriesOf(first.files());
        });
  }
}
