package dev.mwexp.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import dev.mwexp.spec.SpecException;
import dev.mwexp.testing.SetupGenerators;
import dev.mwexp.validation.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Mutated valid specs — byte flips, truncations, swapped keys, dropped and doubled lines — always
 * load as a valid setup or fail with typed, positioned problems; never another exception, never a
 * hang.
 */
class LoaderFuzzTest {

  private static final int TRIES = 3000;
  private static final AtomicInteger VALID = new AtomicInteger();
  private static final AtomicInteger REFUSED = new AtomicInteger();

  /** A mutation of spec bytes chosen from the randomness source (so failures shrink). */
  private static Gen<byte[]> mutatedSpecs() {
    return in -> {
      Setup setup = SetupGenerators.setups().generate(in);
      byte[] spec = Spec.write(setup).getBytes(StandardCharsets.UTF_8);
      int mutations = integers().between(1, 4).generate(in);
      for (int m = 0; m < mutations; m++) {
        int kind = integers().between(0, 5).generate(in);
        int at = integers().between(0, Math.max(0, spec.length - 1)).generate(in);
        spec = switch (kind) {
          case 0 -> flip(spec, at, integers().between(0, 255).generate(in));
          case 1 -> Arrays.copyOf(spec, at);
          case 2 -> lines(spec, at, (list, i) -> list.remove(i));
          case 3 -> lines(spec, at, (list, i) -> list.add(i, list.get(i)));
          case 4 -> swapKeyAndValue(spec, at);
          default -> insert(spec, at, List.of("&a ", "*a", "\t", "{", "- ", ": ", "'", "\"", "!!", "%{x}", "\u0000", "\ufeff")
              .get(integers().between(0, 11).generate(in)));
        };
      }
      return spec;
    };
  }

  @Test
  void mutatedSpecsLoadOrFailWithTypedProblems() {
    qt().withExamples(TRIES)
        .withShrinkCycles(200)
        .forAll(mutatedSpecs())
        .checkAssert(bytes -> assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
          try {
            Setup setup = Spec.parse(bytes, "fuzz.yaml");
            assertThat(setup.datacenters()).isNotEmpty();
            VALID.incrementAndGet();
          } catch (SpecException e) {
            assertThat(e.problems()).isNotEmpty();
            for (Problem p : e.problems()) {
              assertThat(p.position()).as(p.format()).isPresent();
              assertThat(p.position().get().file()).isEqualTo("fuzz.yaml");
              assertThat(p.message()).isNotBlank().doesNotContain("Exception");
            }
            REFUSED.incrementAndGet();
          }
        }));
  }

  @AfterAll
  static void report() {
    // Both outcomes must occur, or the mutations are not exercising the loader.
    assertThat(VALID.get()).isPositive();
    assertThat(REFUSED.get()).isGreaterThan(TRIES / 4);
    System.out.println("loader fuzz: " + VALID.get() + " valid, " + REFUSED.get() + " refused with typed problems");
  }

  private static byte[] flip(byte[] spec, int at, int value) {
    if (spec.length == 0) {
      return spec;
    }
    byte[] out = spec.clone();
    out[at] = (byte) value;
    return out;
  }

  private interface LineEdit {
    void apply(List<String> lines, int index);
  }

  private static byte[] lines(byte[] spec, int at, LineEdit edit) {
    List<String> lines = new ArrayList<>(Arrays.asList(new String(spec, StandardCharsets.UTF_8).split("\n", -1)));
    if (lines.isEmpty()) {
      return spec;
    }
    edit.apply(lines, at % lines.size());
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] swapKeyAndValue(byte[] spec, int at) {
    return lines(spec, at, (list, i) -> {
      String line = list.get(i);
      int colon = line.indexOf(": ");
      if (colon > 0) {
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        list.set(i, indent + line.substring(colon + 2) + ": " + line.substring(indent.length(), colon));
      }
    });
  }

  private static byte[] insert(byte[] spec, int at, String text) {
    byte[] insert = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[spec.length + insert.length];
    System.arraycopy(spec, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(spec, at, out, at + insert.length, spec.length - at);
    return out;
  }
}
