package dev.mwexp.benchmarks;

import dev.mwexp.model.Cname;
import dev.mwexp.model.Datacenter;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import java.util.ArrayList;
import java.util.List;

/** Setups of the real one's shape at fleet scale: {@code hosts} workers spread over {@code dcs}. */
public final class SyntheticSetups {

  private SyntheticSetups() {}

  public static Setup of(int dcs, int hosts) {
    Setup real = Spec.defaultSetup();
    List<Datacenter> datacenters = new ArrayList<>();
    for (int d = 0; d < dcs; d++) {
      String dc = "dc" + (d + 1);
      List<String> names = new ArrayList<>();
      for (int h = d; h < hosts; h += dcs) {
        names.add(String.format("wikikube-worker-exp%05d.%s.wmnet", h + 1, dc));
      }
      datacenters.add(
          Datacenter.builder()
              .name(dc)
              .hosts(names)
              .cname(Cname.builder().name("mw-experimental." + dc + ".wmnet").target(names.get(0)).build())
              .build());
    }
    return dev.mwexp.model.ImmutableSetup.copyOf(real).withDatacenters(datacenters);
  }
}
