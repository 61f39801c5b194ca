package dev.mwexp.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.mwexp.model.Datacenter;
import dev.mwexp.model.ImmutableCname;
import dev.mwexp.model.ImmutableCodeRefresh;
import dev.mwexp.model.ImmutableDatacenter;
import dev.mwexp.model.ImmutableDeployers;
import dev.mwexp.model.ImmutableResources;
import dev.mwexp.model.ImmutableScheduling;
import dev.mwexp.model.ImmutableService;
import dev.mwexp.model.ImmutableSetup;
import dev.mwexp.model.NodeLabel;
import dev.mwexp.model.Resources;
import dev.mwexp.model.Setup;
import dev.mwexp.testing.SetupGenerators;
import dev.mwexp.validation.Problem;
import dev.mwexp.validation.Problem.Kind;
import dev.mwexp.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Properties of validation and the spec format over generated setups. */
class SpecPropertiesTest {

  private static final int EXAMPLES = 1000;

  @Test
  void everyGeneratedSetupIsValid() {
    qt().withExamples(EXAMPLES)
        .forAll(SetupGenerators.setups())
        .checkAssert(setup -> assertThat(Validator.validate(setup)).isEmpty());
  }

  @Test
  void specRoundTripIsIdentity() {
    qt().withExamples(EXAMPLES)
        .forAll(SetupGenerators.setups())
        .checkAssert(
            setup -> {
              String yaml = Spec.write(setup);
              try {
                assertThat(Spec.parse(yaml, "written.yaml")).isEqualTo(setup);
              } catch (SpecException e) {
                throw new AssertionError(e.getMessage() + "\n" + yaml, e);
              }
              assertThat(Spec.write(setup)).isEqualTo(yaml);
            });
  }

  @Test
  void builtInDefaultRoundTrips() throws Exception {
    Setup setup = Spec.defaultSetup();
    assertThat(Spec.parse(Spec.write(setup), "w")).isEqualTo(setup);
  }

  /** One field made invalid, and the problem that must be reported for exactly it. */
  private record Mutation(String name, Function<Setup, Setup> apply, Kind kind, Function<Setup, String> path) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<Mutation> MUTATIONS =
      List.of(
          new Mutation("service name", s -> service(s, x -> x.withName("Bad_Name")), Kind.INVALID_VALUE, s -> "service.name"),
          new Mutation(
              "port outside range",
              s -> {
                int max = s.service().nodePortRange().max();
                int port = max < 65535 ? max + 1 : s.service().nodePortRange().min() - 1;
                return service(s, x -> x.withPort(port));
              },
              Kind.INVALID_VALUE,
              s -> "service.port"),
          new Mutation("mount path", s -> service(s, x -> x.withMountPath("/srv/../x")), Kind.INVALID_VALUE, s -> "service.mountPath"),
          new Mutation("alerting", s -> service(s, x -> x.withAlerting(true)), Kind.INVALID_VALUE, s -> "service.alerting"),
          new Mutation(
              "cpu request over limit",
              s -> service(s, x -> x.withResources(ImmutableResources.copyOf(x.resources()).withRequests(Resources.Quantities.of("9999m", "1Mi")))),
              Kind.INVALID_VALUE,
              s -> "service.resources.requests.cpu"),
          new Mutation("mount mode", s -> deployers(s, d -> d.withMountMode("0899")), Kind.INVALID_VALUE, s -> "deployers.mountMode"),
          new Mutation("deploy user", s -> deployers(s, d -> d.withUser("Root")), Kind.INVALID_VALUE, s -> "deployers.user"),
          new Mutation(
              "timer schedule",
              s -> ImmutableSetup.copyOf(s).withCodeRefresh(ImmutableCodeRefresh.copyOf(s.codeRefresh()).withInterval("1 hour\nExecStart=/bin/sh")),
              Kind.INVALID_VALUE,
              s -> "codeRefresh.interval"),
          new Mutation(
              "node label value",
              s -> scheduling(s, x -> x.withNodeLabel(NodeLabel.of(x.nodeLabel().key(), "-bad-"))),
              Kind.INVALID_VALUE,
              s -> "scheduling.nodeLabel"),
          new Mutation(
              "taint repeated",
              s -> scheduling(s, x -> x.withTaints(append(x.taints(), x.taints().get(0)))),
              Kind.DUPLICATE,
              s -> "scheduling.taints[" + s.scheduling().taints().size() + "]"),
          new Mutation(
              "host not an FQDN",
              s -> datacenter(s, 0, dc -> dc.withHosts(append(dc.hosts(), "localhost"))),
              Kind.INVALID_VALUE,
              s -> "datacenters." + s.datacenters().get(0).name() + ".hosts[" + s.datacenters().get(0).hosts().size() + "]"),
          new Mutation(
              "host in two places",
              s -> {
                int last = s.datacenters().size() - 1;
                String host = s.datacenters().get(0).hosts().get(0);
                return datacenter(s, last, dc -> dc.withHosts(append(dc.hosts(), host)));
              },
              Kind.DUPLICATE,
              s -> {
                Datacenter last = s.datacenters().get(s.datacenters().size() - 1);
                return "datacenters." + last.name() + ".hosts[" + last.hosts().size() + "]";
              }),
          new Mutation(
              "CNAME target elsewhere",
              s -> datacenter(s, 0, dc -> dc.withCname(ImmutableCname.copyOf(dc.cname()).withTarget("nowhere.example.wmnet"))),
              Kind.REFERENCE,
              s -> "datacenters." + s.datacenters().get(0).name() + ".cname.target"),
          new Mutation(
              "CNAME TTL",
              s -> datacenter(s, 0, dc -> dc.withCname(ImmutableCname.copyOf(dc.cname()).withTtl(-5))),
              Kind.INVALID_VALUE,
              s -> "datacenters." + s.datacenters().get(0).name() + ".cname.ttl"));

  @Test
  void oneInvalidFieldYieldsExactlyItsProblem() {
    qt().withExamples(EXAMPLES)
        .forAll(SetupGenerators.setups(), integers().between(0, MUTATIONS.size() - 1))
        .checkAssert(
            (setup, index) -> {
              Mutation mutation = MUTATIONS.get(index);
              List<Problem> problems = Validator.validate(mutation.apply().apply(setup));
              assertThat(problems).as(mutation.name()).hasSize(1);
              assertThat(problems.get(0).kind()).as(mutation.name()).isEqualTo(mutation.kind());
              assertThat(problems.get(0).path()).as(mutation.name()).isEqualTo(mutation.path().apply(setup));
            });
  }

  @Test
  void oneInvalidFieldInTheSpecTextIsReportedAtItsLine() {
    qt().withExamples(200)
        .forAll(SetupGenerators.setups())
        .checkAssert(
            setup -> {
              String yaml = Spec.write(setup).replace("mountMode: \"" + setup.deployers().mountMode() + "\"", "mountMode: \"0899\"");
              List<Problem> problems = Problems.of(yaml);
              assertThat(problems).hasSize(1);
              int line = lineOf(yaml, "mountMode:");
              assertThat(problems.get(0).position().orElseThrow().line()).isEqualTo(line);
            });
  }

  private static int lineOf(String text, String fragment) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(fragment)) {
        return i + 1;
      }
    }
    throw new AssertionError(fragment + " not in\n" + text);
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }

  private static Setup service(Setup s, Function<ImmutableService, ImmutableService> f) {
    return ImmutableSetup.copyOf(s).withService(f.apply(ImmutableService.copyOf(s.service())));
  }

  private static Setup scheduling(Setup s, Function<ImmutableScheduling, ImmutableScheduling> f) {
    return ImmutableSetup.copyOf(s).withScheduling(f.apply(ImmutableScheduling.copyOf(s.scheduling())));
  }

  private static Setup deployers(Setup s, Function<ImmutableDeployers, ImmutableDeployers> f) {
    return ImmutableSetup.copyOf(s).withDeployers(f.apply(ImmutableDeployers.copyOf(s.deployers())));
  }

  private static Setup datacenter(Setup s, int index, Function<ImmutableDatacenter, ImmutableDatacenter> f) {
    List<Datacenter> dcs = new ArrayList<>(s.datacenters());
    dcs.set(index, f.apply(ImmutableDatacenter.copyOf(dcs.get(index))));
    return ImmutableSetup.copyOf(s).withDatacenters(dcs);
  }
}
