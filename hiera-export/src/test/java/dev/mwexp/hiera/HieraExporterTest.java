package dev.mwexp.hiera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.mwexp.export.Artifacts;
import dev.mwexp.export.YamlText;
import dev.mwexp.model.Setup;
import dev.mwexp.model.Taint;
import dev.mwexp.spec.Spec;
import dev.mwexp.testing.SetupGenerators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Hiera files read as Puppet's YAML 1.1 reads them (SnakeYAML is a YAML 1.1 parser). */
class HieraExporterTest {

  private static final Yaml YAML_11 = new Yaml(new SafeConstructor(new LoaderOptions()));

  private static Map<String, Object> load(String text) {
    return YAML_11.load(text);
  }

  @Test
  void defaultSetupMatchesTheGoldenTree() throws Exception {
    Path golden = Path.of("src/test/resources/golden");
    TreeMap<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.walk(golden)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        expected.put(golden.relativize(f).toString(), Files.readString(f));
      }
    }
    assertThat(new HieraExporter().export(Spec.defaultSetup()).files()).containsExactlyEntriesOf(expected);
  }

  @Test
  void valuesHaveThePuppetTypesTheProfilesLookUp() {
    Setup setup = Spec.defaultSetup();
    Map<String, Object> host = load(new HieraExporter().export(setup).get("hieradata/hosts/wikikube-worker-exp1001.eqiad.wmnet.yaml"));
    assertThat(host.get("profile::kubernetes::node::mw_experimental")).isEqualTo(Boolean.TRUE);
    assertThat(host.get(HieraKeys.NODE_LABELS)).isEqualTo(List.of("dedicated=mw-experimental"));
    assertThat(host.get(HieraKeys.NODE_TAINTS))
        .isEqualTo(List.of("dedicated=mw-experimental:NoExecute", "dedicated=mw-experimental:NoSchedule"));
    assertThat(host.get(HieraKeys.MOUNT_MODE)).isEqualTo("0775");
    assertThat(host.get(HieraKeys.DEPLOYMENT_GROUP)).isEqualTo("deployment");
    assertThat(host.get(HieraKeys.IMAGE_UPDATE_ON_CALENDAR)).isEqualTo("*-*-* *:00/30:00");
    Map<String, Object> shared = load(new HieraExporter().export(setup).get(HieraExporter.SHARED_FILE));
    assertThat(shared.get(HieraKeys.ALERTING)).isEqualTo(Boolean.FALSE);
    assertThat(shared.get(HieraKeys.SERVERGROUP)).isEqualTo("kube-mw-experimental");
  }

  @Test
  void everyHostHasExactlyOneFileWithTheLabelAndTaintsTheWorkloadExpects() {
    qt().withExamples(500).forAll(SetupGenerators.setups()).checkAssert(setup -> {
      Artifacts a = new HieraExporter().export(setup);
      List<String> hostFiles = a.files().keySet().stream().filter(p -> p.startsWith("hieradata/hosts/")).toList();
      assertThat(hostFiles)
          .containsExactlyElementsOf(setup.allHosts().stream().sorted().map(h -> "hieradata/hosts/" + h + ".yaml").toList());
      for (String host : setup.allHosts()) {
        Map<String, Object> keys = load(a.get("hieradata/hosts/" + host + ".yaml"));
        assertThat(keys.get(setup.deployers().switchKey())).isEqualTo(Boolean.TRUE);
        assertThat(keys.get(HieraKeys.NODE_LABELS)).isEqualTo(List.of(setup.scheduling().nodeLabel().format()));
        assertThat(new TreeSet<>((List<?>) keys.get(HieraKeys.NODE_TAINTS)))
            .isEqualTo(setup.scheduling().taints().stream().map(Taint::format).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(keys.get(HieraKeys.MOUNT_MODE)).isEqualTo(setup.deployers().mountMode());
        assertThat(keys.get(HieraKeys.MOUNT_PATH)).isEqualTo(setup.service().mountPath());
      }
      Map<String, Object> vms = load(a.get("provision/vms.yaml"));
      assertThat(vms.keySet()).containsExactlyInAnyOrderElementsOf(setup.datacenters().stream().map(dc -> dc.name()).toList());
    });
  }

  /** Strings over every plane but the surrogates, weighted towards YAML's trouble makers. */
  static Gen<String> nastyStrings() {
    List<String> trouble = List.of("0775", "on", "Off", "yes", "NO", "y", "n", "~", "null", "1e3", "0x1F", "0o17", "10:30",
        "1:20:30", "2001-12-14", "2001-12-14 21:59:43.10 -5", ".inf", "-.Inf", ".nan", "1_000", "+1", "-1", "0b101", "<<", "=",
        "%{facts.fqdn}", "${x}", "#c", "a #c", "a: b", "-", "- x", "? x", "[a]", "{a}", "*a", "&a", "!a", "|", ">", "'", "\"",
        "@", "`", " lead", "trail ", "", "\t", "a\nb", "\u00e9", "\u2028", "\ufeff", "\u0085", "\uD83D\uDE00");
    Gen<String> tricky = in -> trouble.get(integers().between(0, trouble.size() - 1).generate(in));
    Gen<String> random = strings().betweenCodePoints(1, 0xD7FF).ofLengthBetween(0, 12);
    return in -> {
      StringBuilder s = new StringBuilder();
      for (String part : lists().of(in2 -> integers().between(0, 2).generate(in2) == 0 ? random.generate(in2) : tricky.generate(in2))
          .ofSizeBetween(1, 3).generate(in)) {
        s.append(part);
      }
      return s.toString();
    };
  }

  @Test
  void everyStringReadsBackAsTheSameStringUnderYaml11() {
    qt().withExamples(5000).forAll(nastyStrings()).checkAssert(s -> {
      String text = YamlText.write(Map.of("key", s, "list", List.of(s)));
      Map<String, Object> back = load(text);
      assertThat(back.get("key")).as(text).isEqualTo(s);
      assertThat(back.get("list")).as(text).isEqualTo(List.of(s));
    });
  }
}
