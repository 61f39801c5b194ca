package dev.mwexp.benchmarks.common;

import dev.mwexp.model.Cname;
import dev.mwexp.model.Datacenter;
import dev.mwexp.model.ImmutableDatacenter;
import dev.mwexp.model.ImmutableSetup;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import java.util.ArrayList;
import java.util.List;

/** Setups of the real one's shape at fleet scale: the built-in model with synthetic datacenters. */
public final class SyntheticSetups {

  private SyntheticSetups() {}

  /**
   * {@code hosts} workers over one datacenter per 100 hosts (at least 1, at most 100), so the
   * number of files grows with the datacenters as it would in a real fleet.
   */
  public static Setup ofHosts(int hosts) {
    return of(Math.max(1, Math.min(100, hosts / 100)), hosts);
  }

  /** {@code hosts} workers spread round-robin over {@code dcs} datacenters. */
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
    return ImmutableSetup.copyOf(real).withDatacenters(datacenters);
  }

  /**
   * A new value equal to {@code setup}: the setup and each datacenter rebuilt, so nothing a value
   * computes once (its validation, its sorted lists) comes computed. The strings are shared.
   */
  public static Setup newValue(Setup setup) {
    List<Datacenter> datacenters = new ArrayList<>();
    for (Datacenter dc : setup.datacenters()) {
      datacenters.add(ImmutableDatacenter.builder().from(dc).build());
    }
    return ImmutableSetup.builder().from(setup).datacenters(datacenters).build();
  }
}
