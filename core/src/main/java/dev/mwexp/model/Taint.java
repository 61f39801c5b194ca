package dev.mwexp.model;

import java.util.Arrays;
import java.util.Optional;
import org.immutables.value.Value;

/** A Kubernetes node taint, written {@code key=value:Effect} in kubelet flags and hiera. */
@Value.Immutable
public interface Taint {

  @Value.Parameter
  String key();

  @Value.Parameter
  String value();

  @Value.Parameter
  Effect effect();

  static Taint of(String key, String value, Effect effect) {
    return ImmutableTaint.of(key, value, effect);
  }

  /** {@code dedicated=mw-experimental:NoExecute}. */
  default String format() {
    return key() + "=" + value() + ":" + effect().kubernetesName();
  }

  /** Taint effects as Kubernetes spells them. */
  enum Effect {
    NO_SCHEDULE("NoSchedule"),
    PREFER_NO_SCHEDULE("PreferNoSchedule"),
    NO_EXECUTE("NoExecute");

    private final String kubernetesName;

    Effect(String kubernetesName) {
      this.kubernetesName = kubernetesName;
    }

    public String kubernetesName() {
      return kubernetesName;
    }

    public static Optional<Effect> fromKubernetesName(String name) {
      return Arrays.stream(values()).filter(e -> e.kubernetesName.equals(name)).findFirst();
    }
  }
}
