package dev.mwexp.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Issue 16: spec --explain says where each value came from, and marks problems, even when invalid. */
class ProvenanceTest {

  private static Map<String, Provenance.Entry> byPath(List<Provenance.Entry> entries) {
    return entries.stream().collect(Collectors.toMap(Provenance.Entry::path, e -> e, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  @Test
  void valuesComeFromTheSpecOrTheDefault() {
    var entries = byPath(Provenance.explain(
        "service:\n  port: 4460\ndatacenters:\n  eqiad:\n    hosts: [wikikube-worker-exp1001.eqiad.wmnet]\n", "spec.yaml"));
    assertThat(entries.get("service.port")).isEqualTo(new Provenance.Entry("service.port", "4460", "spec.yaml:2:9", List.of()));
    assertThat(entries.get("service.mountPath").source()).isEqualTo("default");
    assertThat(entries.get("datacenters.eqiad.hosts[0]").source()).isEqualTo("spec.yaml:5:13");
    assertThat(entries.get("datacenters.eqiad.cname.ttl")).isEqualTo(
        new Provenance.Entry("datacenters.eqiad.cname.ttl", "3600", "default", List.of()));
    assertThat(entries).doesNotContainKey("datacenters.codfw.hosts[0]");
  }

  @Test
  void anInvalidSpecShowsItsValuesWithTheirProblems() {
    var list = Provenance.explain("service:\n  port: 80\n  colour: blue\ndatacenters:\n  eqiad:\n"
        + "    hosts: [wikikube-worker-exp1001.eqiad.wmnet]\n", "spec.yaml");
    var entries = byPath(list);
    assertThat(entries.get("service.port").value()).isEqualTo("80");
    assertThat(entries.get("service.port").problems()).singleElement().asString().contains("outside the cluster's NodePort range");
    assertThat(entries.get("service.colour").problems()).containsExactly("unknown key 'colour' in service");
    assertThat(entries).doesNotContainKey("datacenters.codfw.hosts[0]");
    assertThat(Provenance.format(list)).contains("service.port = 80").contains("# spec.yaml:2:9\n  !! port 80 is outside");
  }
}
