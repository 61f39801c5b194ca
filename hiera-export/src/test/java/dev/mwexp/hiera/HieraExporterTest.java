package dev.mwexp.hiera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.mwexp.export.Artifacts;
import dev.mwexp.format.yaml.YamlText;
import dev.mwexp.format.sitepp.SitePp;
import dev.mwexp.fragment.Ownership;
import dev.mwexp.model.Setup;
import dev.mwexp.model.Taint;
import dev.mwexp.spec.Spec;
import dev.mwexp.testing.NastyStrings;
import dev.mwexp.testing.SetupGenerators;
import java.util.LinkedHashMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * operations/puppet's part, as compile writes it into an empty repository: one hiera file per host
 * by its short name, with the switch, the label and {@code K8s::Core::V1Taint} structs, and a
 * site.pp stanza per host. Real Puppet reads them in the tests module (RealPuppetLookupTest).
 */
class HieraExporterTest {

  private static final Yaml YAML_11 = new Yaml(new SafeConstructor(new LoaderOptions()));

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load(String text) {
    return (Map<String, Object>) YAML_11.load(text);
  }

  @Test
  void defaultSetupWritesTheRealFiles() throws java.io.IOException {
    Artifacts a = new HieraExporter().export(Spec.defaultSetup());
    String host = """
        profile::kubernetes::node::mw_experimental: true
        profile::kubernetes::node::kubelet_node_labels:
          - dedicated=mw-experimental
        profile::kubernetes::node::kubelet_node_taints:
          - key: dedicated
            value: mw-experimental
            effect: NoExecute
          - key: dedicated
            value: mw-experimental
            effect: NoSchedule
        """;
    Map<String, String> expected = new TreeMap<>();
    expected.put("puppet/hieradata/hosts/wikikube-worker-exp1001.yaml", host);
    expected.put("puppet/hieradata/hosts/wikikube-worker-exp2001.yaml", host);
    expected.put("puppet/manifests/site.pp", """
        # Node definitions (operations/puppet manifests/site.pp), as mwexp writes them for an empty repository.

        node /^wikikube-worker-exp1001\\.eqiad\\./ {
            role(kubernetes::worker)
        }

        node /^wikikube-worker-exp2001\\.codfw\\./ {
            role(kubernetes::worker)
        }
        """);
    // The class and the script as reviewed in the real-repository fixtures (the adoption state,
    // which puppet parser validate, puppet-lint, rspec-puppet and flake8 also run on), not as
    // the code under test renders them.
    Path puppet = dev.mwexp.testing.Fixtures.realRepos().resolve("puppet");
    expected.put("puppet/" + ProfileClass.PATH, java.nio.file.Files.readString(puppet.resolve(ProfileClass.PATH)));
    expected.put("puppet/" + ProfileClass.SCRIPT_SOURCE, java.nio.file.Files.readString(puppet.resolve(ProfileClass.SCRIPT_SOURCE)));
    assertThat(a.files()).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void everyHostHasItsFileAndStanzaWithTheLabelAndTaintStructs() {
    qt().withExamples(300).forAll(SetupGenerators.setups()).checkAssert(setup -> {
      Artifacts a = new HieraExporter().export(setup);
      List<SitePp.Stanza> stanzas;
      try {
        stanzas = SitePp.stanzas(a.get("puppet/manifests/site.pp"));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      assertThat(stanzas).hasSize(setup.allHosts().size());
      for (String fqdn : setup.allHosts()) {
        Map<String, Object> keys = load(a.get("puppet/hieradata/hosts/" + Ownership.shortName(fqdn) + ".yaml"));
        assertThat(keys.get(setup.deployers().switchKey())).isEqualTo(true);
        assertThat(keys.get(HieraKeys.NODE_LABELS)).isEqualTo(List.of(setup.scheduling().nodeLabel().format()));
        List<Map<String, Object>> taints = new java.util.ArrayList<>();
        for (Taint t : setup.scheduling().taints()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("key", t.key());
          if (!t.value().isEmpty()) {
            m.put("value", t.value());
          }
          m.put("effect", t.effect().kubernetesName());
          taints.add(m);
        }
        assertThat(keys.get(HieraKeys.NODE_TAINTS)).isEqualTo(taints);
        assertThat(stanzas).anySatisfy(s -> {
          assertThat(s.host()).isEqualTo(Ownership.shortName(fqdn));
          assertThat(s.datacenter()).isEqualTo(fqdn.split("\\.")[1]);
          assertThat(s.role()).isEqualTo(HieraExporter.ROLE);
        });
      }
      assertThat(a.files()).hasSize(setup.allHosts().size() + 3);
    });
  }

  @Test
  void everyStringReadsBackAsTheSameStringUnderYaml11() {
    qt().withExamples(5000).forAll(NastyStrings.nastyStrings()).checkAssert(s -> {
      String text = YamlText.write(Map.of("key", s, "list", List.of(s)));
      Map<String, Object> back = load(text);
      assertThat(back.get("key")).as(text).isEqualTo(s);
      assertThat(back.get("list")).as(text).isEqualTo(List.of(s));
    });
  }
}
