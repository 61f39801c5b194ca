package dev.mwexp.k8s.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.fragment.Merge;
import dev.mwexp.fragment.MergeConflict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chart change over the fixture checkout (the mediawiki chart and mesh modules in these tests'
 * own words, shaped like operations/deployment-charts 66ce6e0b5), in memory: what it writes, and
 * each reason it refuses.
 */
class TrafficPolicyChartChangeTest {

  private final Map<String, String> files = new TreeMap<>();

  @BeforeEach
  void readFixture() throws IOException {
    Path root = Path.of("../fixtures/real-repos/deployment-charts");
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(p).toString();
        if (name.startsWith("modules/") || name.startsWith("charts/mediawiki/")) {
          files.put(name, Files.readString(p));
        }
      }
    }
  }

  private SortedMap<String, Optional<String>> derive() throws MergeConflict {
    return new TrafficPolicyChartChange().derive(new Merge.Derived.Checkout() {
      @Override
      public Optional<String> read(String path) {
        return Optional.ofNullable(files.get(path));
      }

      @Override
      public List<String> files(String directory) {
        return files.keySet().stream().filter(f -> f.startsWith(directory + "/") && f.indexOf('/', directory.length() + 1) < 0)
            .map(f -> f.substring(directory.length() + 1)).sorted().toList();
      }
    });
  }

  @Test
  void makesTheNextMinorVersionFromTheNewestAndVendorsIt() throws Exception {
    SortedMap<String, Optional<String>> out = derive();
    assertThat(out.keySet()).containsExactly(
        "charts/mediawiki/.fixtures/traffic_policy_local.yaml",
        "charts/mediawiki/Chart.yaml",
        "charts/mediawiki/package.json",
        "charts/mediawiki/package.lock",
        "charts/mediawiki/templates/vendor/mesh/service_1.1.0.tpl",
        "charts/mediawiki/templates/vendor/mesh/service_1.3.0.tpl",
        "modules/mesh/CHANGELOG.md",
        "modules/mesh/module.json",
        "modules/mesh/service_1.3.0.tpl");
    String module = out.get("modules/mesh/service_1.3.0.tpl").orElseThrow();
    // 1.2.1 as it was, with the policies after the type line: nothing else of it changes.
    assertThat(module.replaceAll("(?m)^  \\{\\{- (if and \\.Values\\.mesh\\.external|with \\.Values\\.mesh\\.internal|end).*\\n"
        + "|(?m)^  (external|internal)TrafficPolicy: .*\\n", "")).isEqualTo(files.get("modules/mesh/service_1.2.1.tpl"));
    assertThat(out.get("charts/mediawiki/templates/vendor/mesh/service_1.3.0.tpl")).contains(module);
    assertThat(out.get("charts/mediawiki/templates/vendor/mesh/service_1.1.0.tpl")).isEmpty();
    assertThat(out.get("charts/mediawiki/package.json").orElseThrow())
        .isEqualTo(files.get("charts/mediawiki/package.json").replace("\"mesh.service:1.1\"", "\"mesh.service:1.3\""));
    assertThat(out.get("charts/mediawiki/package.lock").orElseThrow())
        .isEqualTo(files.get("charts/mediawiki/package.lock").replace("\"1.1.0\"", "\"1.3.0\""));
    assertThat(out.get("charts/mediawiki/Chart.yaml").orElseThrow())
        .isEqualTo(files.get("charts/mediawiki/Chart.yaml").replace("version: 0.13.2", "version: 0.13.3"));
    String moduleJson = out.get("modules/mesh/module.json").orElseThrow();
    assertThat(moduleJson).startsWith(files.get("modules/mesh/module.json").substring(0,
        files.get("modules/mesh/module.json").lastIndexOf("        }\n    ]")));
    assertThat(moduleJson).endsWith("""
                },
                {
                    "name": "service",
                    "version": "1.3",
                    "depends": [
                        "base.helper:1.1",
                        "base.meta:2.0",
                        "base.name:1.0"
                    ]
                }
            ]
        }
        """);
    assertThat(out.get("modules/mesh/CHANGELOG.md").orElseThrow()).startsWith("## service 1.3.0\n\n- Copy of 1.2.1.")
        .endsWith(files.get("modules/mesh/CHANGELOG.md"));
  }

  @Test
  void nothingToDoOnceTheVendoredModuleReadsThePolicies() throws Exception {
    derive().forEach((path, text) -> {
      if (text.isPresent()) {
        files.put(path, text.get());
      } else {
        files.remove(path);
      }
    });
    assertThat(derive()).isEmpty();
  }

  @Test
  void reusesAModuleVersionThatAlreadyReadsThePolicies() throws Exception {
    String made = derive().get("modules/mesh/service_1.3.0.tpl").orElseThrow();
    files.put("modules/mesh/service_1.3.0.tpl", made);
    files.put("modules/mesh/service_1.4.0.tpl", files.get("modules/mesh/service_1.2.1.tpl"));
    SortedMap<String, Optional<String>> out = derive();
    assertThat(out).doesNotContainKeys("modules/mesh/module.json", "modules/mesh/CHANGELOG.md",
        "modules/mesh/service_1.5.0.tpl");
    assertThat(out.get("charts/mediawiki/templates/vendor/mesh/service_1.3.0.tpl")).contains(made);
  }

  @Test
  void refusesToReplaceAVendoredFileEditedInPlace() {
    files.merge("charts/mediawiki/templates/vendor/mesh/service_1.1.0.tpl", "{{/* a local fix */}}\n", String::concat);
    assertThatThrownBy(this::derive).isInstanceOf(MergeConflict.class)
        .hasMessageContaining("charts/mediawiki/templates/vendor/mesh/service_1.1.0.tpl differs from"
            + " modules/mesh/service_1.1.0.tpl");
  }

  @Test
  void refusesAModuleWithoutTheTypeLine() {
    files.put("modules/mesh/service_1.2.1.tpl", files.get("modules/mesh/service_1.2.1.tpl")
        .replace("  type: {{ template \"base.helper.serviceType\" . }}\n", "  type: NodePort\n"));
    assertThatThrownBy(this::derive).isInstanceOf(MergeConflict.class)
        .hasMessageContaining("modules/mesh/service_1.2.1.tpl has no 'type:");
  }

  @Test
  void refusesADependencyTheChartDoesNotVendor() {
    files.put("modules/mesh/module.json", files.get("modules/mesh/module.json")
        .replace("\"base.name:1.0\"\n            ]\n        }\n    ]", "\"base.name:1.0\",\n                \"base.statsd:1.0\"\n            ]\n        }\n    ]"));
    assertThatThrownBy(this::derive).isInstanceOf(MergeConflict.class)
        .hasMessageContaining("mesh.service 1.3 needs base.statsd:1.0, which charts/mediawiki/package.lock does not vendor");
  }

  @Test
  void refusesAChartWithoutTheLock() {
    files.remove("charts/mediawiki/package.lock");
    assertThatThrownBy(this::derive).isInstanceOf(MergeConflict.class)
        .hasMessageContaining("charts/mediawiki/package.lock is missing");
  }
}
