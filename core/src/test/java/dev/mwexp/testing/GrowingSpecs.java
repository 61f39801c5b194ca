package dev.mwexp.testing;

import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.quicktheories.core.Gen;

/**
 * Spec texts of mw-experimental as it could grow from today's setup, for syncing onto the
 * fixtures of today's repositories: its two datacenters (either or both), 1-3 hosts each named as
 * Wikimedia names them, other ports and requests, per-host routing on, off or by default.
 */
public final class GrowingSpecs {

  private GrowingSpecs() {}

  /** Specs of mw-experimental as it could grow: its datacenters, 1-3 hosts each, ports, routing. */
  public static Gen<String> specs() {
    return in -> {
      StringBuilder spec = new StringBuilder("service:\n  port: ")
          .append(List.of(4456, 4460, 4499).get(integers().between(0, 2).generate(in))).append('\n');
      spec.append("  resources:\n    requests: {cpu: ").append(integers().between(1, 9).generate(in) * 100).append("m}\n");
      int routing = integers().between(0, 2).generate(in);
      if (routing > 0) {
        spec.append("debugRouting:\n  perHostBackends: ").append(routing == 1).append('\n');
      }
      spec.append("datacenters:\n");
      int which = integers().between(1, 3).generate(in);
      String[][] dcs = {{"eqiad", "1"}, {"codfw", "2"}};
      for (int d = 0; d < 2; d++) {
        if ((which & (1 << d)) == 0) {
          continue;
        }
        spec.append("  ").append(dcs[d][0]).append(":\n    hosts:\n");
        int hosts = integers().between(1, 3).generate(in);
        for (int h = 1; h <= hosts; h++) {
          spec.append("      - wikikube-worker-exp").append(dcs[d][1]).append("00").append(h).append('.').append(dcs[d][0])
              .append(".wmnet\n");
        }
      }
      return spec.toString();
    };
  }

}
