package dev.mwexp.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.export.Exporter;
import dev.mwexp.export.Exporters;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The exporters are looked up once (start-up, issue 17) and are exactly what ServiceLoader finds. */
class ExportersLookUpTest {

  @Test
  void lookedUpOnceKeptReadOnlyAndTheSameAsAFreshServiceLoaderPass() {
    var first = Exporters.exporters();

    assertThat(Exporters.exporters()).isSameAs(first);
    assertThatThrownBy(() -> first.remove("hiera")).isInstanceOf(UnsupportedOperationException.class);
    TreeSet<String> fresh = new TreeSet<>();
    for (Exporter e : ServiceLoader.load(Exporter.class)) {
      fresh.add(e.format());
    }
    assertThat(first.keySet()).containsExactlyElementsOf(fresh).contains("ats", "dns", "helm-values", "hiera", "k8s");
  }
}
