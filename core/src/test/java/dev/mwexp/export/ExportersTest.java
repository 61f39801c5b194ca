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

  /**
   * A loaded spec is not validated again when compiled; a value derived from it is a new value,
   * and is. (ImmutableSetup.copyOf of an ImmutableSetup is the same object, so the invalid value
   * below must be made with a with-method.)
   */
  @Test
  void onlyTheLoadedValueItselfSkipsTheSecondValidation() throws Exception {
    Setup loaded = Spec.parse(Spec.defaultSpecText(), "spec.yaml");
    assertThat(dev.mwexp.validation.Validator.validateUnlessAccepted(loaded)).isEmpty();
    Setup derived = ImmutableSetup.copyOf(loaded)
        .withService(ImmutableService.copyOf(loaded.service()).withPort(30080));
    assertThat(derived).isNotSameAs(loaded);
    assertThatThrownBy(() -> Exporters.compile(derived, Exporters.DEFAULT_FORMATS))
        .isInstanceOf(InvalidSetupException.class);
    Setup equalButBuilt = ImmutableSetup.builder().from(loaded).build();
    assertThat(equalButBuilt).isEqualTo(loaded).isNotSameAs(loaded);
    assertThat(dev.mwexp.validation.Validator.validateUnlessAccepted(equalButBuilt)).isEmpty();
  }

  /** With only core on the class path, the message names the artifact that brings the format. */
  @Test
  void aMissingFormatNamesItsModule() {
    assertThatThrownBy(() -> Exporters.compile(Spec.defaultSetup(), List.of("ats")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown format 'ats'; available: none; add dev.mwexp:mwexp-ats-export to the class path");
  }
}
