package dev.mwexp.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.export.Artifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key-by-key drift of YAML and JSON: each leaf as JSON writes it, a string unquoted. */
class DriftTest {

  @Test
  void yamlAndJsonLeavesDifferKeyByKey(@TempDir Path dir) throws Exception {
    Artifacts expected = Artifacts.builder()
        .add("charts/values.yaml", "main_app:\n  port: 30443\n  tls: true\n  ratio: 2.5\n  name: mw\n  extra: {}\n  list: []\n")
        .add("config/debug.json", "{\"backends\": [\"k8s-mw-experimental-eqiad\", 3], \"on\": null}\n")
        .build();
    Files.createDirectories(dir.resolve("charts"));
    Files.createDirectories(dir.resolve("config"));
    // Quoting, key order and comments do not count; values do.
    Files.writeString(dir.resolve("charts/values.yaml"),
        "# ours\nmain_app:\n  name: 'mw'\n  port: 30444\n  tls: no\n  ratio: 2.50\n  extra: {a: 1}\n  list: []\n");
    Files.writeString(dir.resolve("config/debug.json"), "{\"on\": false, \"backends\": [\"k8s-mw-experimental-eqiad\", 4]}");

    List<Difference> diffs = Drift.between(expected, dir);

    assertThat(diffs).extracting(d -> d.kind() + " " + d.file() + " " + d.key() + " " + d.expected() + " -> " + d.actual())
        .containsExactlyInAnyOrder(
            "CHANGED_VALUE charts/values.yaml /main_app/port 30443 -> 30444",
            "CHANGED_VALUE charts/values.yaml /main_app/tls true -> false",
            "MISSING_KEY charts/values.yaml /main_app/extra {} -> ",
            "UNEXPECTED_KEY charts/values.yaml /main_app/extra/a  -> 1",
            "CHANGED_VALUE config/debug.json /backends/1 3 -> 4",
            "CHANGED_VALUE config/debug.json /on null -> false");
  }
}
