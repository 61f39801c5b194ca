package dev.mwexp.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.mwexp.testing.Concatenations;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ArtifactsTest {

  /** The rule as a regular expression, as it was written first; the loop must agree with it. */
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@+-]{0,254}");

  private static boolean bySegmentPattern(String path) {
    if (path.isEmpty() || path.length() > 1024) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals("..") || segment.equals(".")) {
        return false;
      }
    }
    return true;
  }

  private static Gen<String> paths() {
    return Concatenations.of(List.of("a", "Z", "0", "_", ".", "..", "@", "+", "-", "/", "\\", " ", "\u00e9", "x.yaml",
        "hosts", "k".repeat(254), "k".repeat(255), "k".repeat(300)), 8);
  }

  @Test
  void safePathsAreThoseOfPortableSegments() {
    qt().withExamples(20_000)
        .forAll(paths())
        .checkAssert(path -> assertThat(Artifacts.isSafePath(path)).as(path).isEqualTo(bySegmentPattern(path)));
  }

  @Test
  void mergingKeepsBothAndRefusesAPathTwice() {
    Artifacts a = Artifacts.builder().add("a/x.yaml", "1").build();
    Artifacts b = Artifacts.builder().add("b/y.yaml", "2").build();
    assertThat(a.merge(b).files()).containsExactly(java.util.Map.entry("a/x.yaml", "1"), java.util.Map.entry("b/y.yaml", "2"));
    assertThatThrownBy(() -> a.merge(a)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a/x.yaml");
  }
}
