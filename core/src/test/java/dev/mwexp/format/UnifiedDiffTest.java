package dev.mwexp.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  @Test
  void aFileNameWithControlCharactersCannotForgeLines() {
    String name = "hieradata/hosts/wikikube-worker-exp1009\u001b[2K\r\nFAKE.yaml";
    String diff = UnifiedDiff.of(name, Optional.of("a: 1\n"), Optional.empty());
    assertThat(diff).doesNotContain("\u001b").doesNotContain("\r");
    assertThat(diff.lines().findFirst().orElseThrow())
        .isEqualTo("diff --git a/hieradata/hosts/wikikube-worker-exp1009\\x1b[2K\\r\\nFAKE.yaml"
            + " b/hieradata/hosts/wikikube-worker-exp1009\\x1b[2K\\r\\nFAKE.yaml");
    assertThat(diff.lines()).noneMatch(l -> l.startsWith("FAKE"));
  }

  @Test
  void everyChangedByteShowsLineEndingsAndByteOrderMarkIncluded() {
    String diff = UnifiedDiff.of("debug.json", Optional.of("\uFEFF{\r\n}\r\n"), Optional.of("{\n}\n"));
    assertThat(diff).contains("-\\ufeff{\\r").contains("+{").contains("-}\\r");
  }
}
