package dev.mwexp.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.model.ImmutableService;
import dev.mwexp.model.ImmutableSetup;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16: a model built in code is validated before anything is compiled from it. */
class ExportersTest {

  @Test
  void aModelBuiltInCodeIsValidatedFirst() {
    Setup setup = ImmutableSetup.copyOf(Spec.defaultSetup())
        .withService(ImmutableService.copyOf(Spec.defaultSetup().service()).withPort(30080));
    assertThatThrownBy(() -> Exporters.compile(setup, Exporters.DEFAULT_FORMATS))
        .isInstanceOfSatisfying(InvalidSetupException.class, e -> assertThat(e.problems())
            .extracting(p -> p.path()).containsExactly("service.port"))
        .hasMessageContaining("port 30080 is outside the cluster's NodePort range 4000-4999");
    assertThatThrownBy(() -> Exporters.fragments(setup)).isInstanceOf(InvalidSetupException.class);
    assertThat(Exporters.compile(Spec.defaultSetup(), List.of()).files()).isEmpty();
  }

  /** With only core on the class path, the message names the artifact that brings the format. */
  @Test
  void aMissingFormatNamesItsModule() {
    assertThatThrownBy(() -> Exporters.compile(Spec.defaultSetup(), List.of("ats")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown format 'ats'; available: none; add dev.mwexp:mwexp-ats-export to the class path");
  }
}
