package dev.mwexp.testing;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.mwexp.model.Cname;
import dev.mwexp.model.Datacenter;
import dev.mwexp.model.ImmutableDebugRouting;
import dev.mwexp.model.ImmutableDeployers;
import dev.mwexp.model.ImmutableScheduling;
import dev.mwexp.model.ImmutableService;
import dev.mwexp.model.ImmutableSetup;
import dev.mwexp.model.NodeLabel;
import dev.mwexp.model.PortRange;
import dev.mwexp.model.Setup;
import dev.mwexp.model.Taint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators of valid {@link Setup}s, shared by every module's property tests.
 * Everything is drawn from the randomness source, so QuickTheories shrinks a failing setup towards
 * one datacenter with one host and the default names: counterexamples stay readable.
 */
public final class SetupGenerators {

  private static final List<String> DATACENTERS =
      List.of("eqiad", "codfw", "esams", "ulsfo", "eqsin", "drmrs", "magru");
  private static final List<String> SERVICE_NAMES =
      List.of("mw-experimental", "mw-exp", "mwdebug-next", "x1", "mw-experimental-2");
  private static final List<String> HOST_PREFIXES =
      List.of("wikikube-worker-exp", "kubernetes", "mw-exp-", "w");
  private static final List<String> LABEL_KEYS =
      List.of("dedicated", "node.wikimedia.org/dedicated", "role");
  private static final List<String> LABEL_VALUES = List.of("mw-experimental", "mw-exp", "x");

  private SetupGenerators() {}

  /** Valid setups: 1-4 datacenters of 1-4 hosts, names, ports, labels and options varied. */
  public static Gen<Setup> setups() {
    return in -> {
      String service = arbitrary().pick(SERVICE_NAMES).generate(in);
      int rangeMin = arbitrary().pick(List.of(4000, 30000, 1024)).generate(in);
      int rangeMax = rangeMin + integers().between(0, 2767).generate(in);
      int port = integers().between(rangeMin, rangeMax).generate(in);
      ImmutableService.Builder s =
          ImmutableService.builder()
              .name(service)
              .port(port)
              .nodePortRange(PortRange.of(rangeMin, rangeMax))
              .createNamespace(booleans().all().generate(in));
      if (booleans().all().generate(in)) {
        s.namespace(arbitrary().pick(List.of("mw-experimental", "debug", "ns1")).generate(in));
      }
      if (booleans().all().generate(in)) {
        s.mountPath(arbitrary().pick(List.of("/srv/mediawiki", "/srv/mw-exp/code", "/opt/mw")).generate(in));
      }

      NodeLabel label =
          NodeLabel.of(
              arbitrary().pick(LABEL_KEYS).generate(in), arbitrary().pick(LABEL_VALUES).generate(in));
      List<Taint> taints = new ArrayList<>();
      for (Taint.Effect effect : Taint.Effect.values()) {
        if (effect == Taint.Effect.NO_SCHEDULE || booleans().all().generate(in)) {
          taints.add(Taint.of(label.key(), label.value(), effect));
        }
      }
      ImmutableScheduling.Builder scheduling =
          ImmutableScheduling.builder()
              .nodeLabel(label)
              .taints(taints)
              .workload(
                  booleans().all().generate(in)
                      ? dev.mwexp.model.Scheduling.Workload.DEPLOYMENT
                      : dev.mwexp.model.Scheduling.Workload.DAEMONSET);

      // Any owner bits; group bits with write, which validation requires.
      String mode = "0" + integers().between(0, 7).generate(in) + arbitrary().pick(List.of(2, 3, 6, 7)).generate(in) + "5";

      ImmutableSetup.Builder setup =
          ImmutableSetup.builder()
              .service(s.build())
              .scheduling(scheduling.build())
              .deployers(ImmutableDeployers.builder().mountMode(mode).build())
              .codeRefresh(dev.mwexp.model.ImmutableCodeRefresh.builder().build())
              .debugRouting(
                  ImmutableDebugRouting.builder().perHostBackends(arbitrary().pick(
                  List.of(java.util.Optional.<Boolean>empty(), java.util.Optional.of(true), java.util.Optional.of(false)))
                  .generate(in)).build());

      int dcCount = integers().between(1, 4).generate(in);
      Set<String> names = new LinkedHashSet<>();
      for (int i = 0; i < dcCount; i++) {
        names.add(arbitrary().pick(DATACENTERS).generate(in));
      }
      int dcIndex = 0;
      for (String dc : names) {
        dcIndex++;
        String prefix = arbitrary().pick(HOST_PREFIXES).generate(in);
        int hostCount = integers().between(1, 4).generate(in);
        List<String> hosts = new ArrayList<>();
        for (int h = 1; h <= hostCount; h++) {
          hosts.add(prefix + (dcIndex * 1000 + h) + "." + dc + ".wmnet");
        }
        String target = hosts.get(integers().between(0, hostCount - 1).generate(in));
        setup.addDatacenters(
            Datacenter.builder()
                .name(dc)
                .hosts(hosts)
                .cname(
                    Cname.builder()
                        .name(service + "." + dc + ".wmnet")
                        .target(target)
                        .ttl(arbitrary().pick(List.of(300, 60, 3600)).generate(in))
                        .build())
                .build());
      }
      return setup.build();
    };
  }
}
