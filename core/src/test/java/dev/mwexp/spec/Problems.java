package dev.mwexp.spec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.validation.Problem;
import java.util.List;

/** Test helper: the problems a spec text is rejected with. */
final class Problems {

  static final String HOST = "wikikube-worker-exp1001.eqiad.wmnet";

  /** The smallest valid spec; line 3 holds the host list. */
  static final String MINIMAL = "datacenters:\n  eqiad:\n    hosts: [" + HOST + "]\n";

  private Problems() {}

  static List<Problem> of(String yaml) {
    SpecException[] caught = new SpecException[1];
    assertThatThrownBy(() -> Spec.parse(yaml, "spec.yaml"))
        .isInstanceOfSatisfying(SpecException.class, e -> caught[0] = e);
    return caught[0].problems();
  }
}
