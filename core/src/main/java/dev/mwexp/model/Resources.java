package dev.mwexp.model;

import org.immutables.value.Value;

/** Requests and limits of the MediaWiki container. */
@Value.Immutable
public interface Resources {

  /** As Wikimedia's mw-experimental values.yaml sets {@code main_app}. */
  Resources WIKIMEDIA =
      ImmutableResources.builder()
          .requests(Quantities.of("1000m", "3500Mi"))
          .limits(Quantities.of("2000m", "4000Mi"))
          .build();

  Quantities requests();

  Quantities limits();

  /** CPU and memory as Kubernetes quantities ({@code 1000m}, {@code 3500Mi}). */
  @Value.Immutable
  interface Quantities {
    @Value.Parameter
    String cpu();

    @Value.Parameter
    String memory();

    static Quantities of(String cpu, String memory) {
      return ImmutableQuantities.of(cpu, memory);
    }
  }
}
