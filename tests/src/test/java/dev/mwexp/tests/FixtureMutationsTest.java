package dev.mwexp.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.mwexp.consistency.ArtifactTrees;
import dev.mwexp.consistency.Importer;
import dev.mwexp.consistency.Report;
import dev.mwexp.consistency.RoutingConsistency;
import dev.mwexp.export.Exporters;
import dev.mwexp.fragment.Repository;
import dev.mwexp.repos.CheckoutException;
import dev.mwexp.repos.Checkouts;
import dev.mwexp.repos.Sync;
import dev.mwexp.spec.Spec;
import dev.mwexp.spec.SpecException;
import dev.mwexp.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23: every fixture file, truncated, with a line deleted or doubled, or a byte flipped:
 * sync, import, check and check --against each end in a result or a typed problem naming the
 * file (with its line where the file does not parse), never an exception a user would see as
 * exit 70 and a trace.
 */
class FixtureMutationsTest {

  @TempDir Path tmp;

  private static final Path FIXTURES = Fixtures.realRepos();
  private static final List<String> FILES = files();

  private static List<String> files() {
    try (Stream<Path> walk = Files.walk(FIXTURES)) {
      return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> FIXTURES.relativize(p).toString()).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A mutation of one file: kind 0 truncate, 1 delete a line, 2 double a line, 3 flip a byte. */
  static byte[] mutate(byte[] bytes, int kind, int at, int value) {
    if (bytes.length == 0) {
      return bytes;
    }
    int i = Math.floorMod(at, bytes.length);
    switch (kind) {
      case 0 -> {
        return Arrays.copyOf(bytes, i);
      }
      case 3 -> {
        byte[] out = bytes.clone();
        out[i] = (byte) value;
        return out;
      }
      default -> {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int line = Math.floorMod(at, lines.size());
        if (kind == 1) {
          lines.remove(line);
        } else {
          lines.add(line, lines.get(line));
        }
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
      }
    }
  }

  @Test
  void everyMutationOfARealFileEndsInAResultOrATypedProblem() {
    int[] n = {0};
    qt().withExamples(150).withFixedSeed(23L)
        .forAll(integers().between(0, FILES.size() - 1), integers().between(0, 3), integers().allPositive(),
            integers().between(0, 255))
        .checkAssert((file, kind, at, value) -> {
          String name = FILES.get(file);
          String what = name + " mutation " + kind + " at " + at + " (" + value + ")";
          try {
            Path dir = Files.createDirectories(tmp.resolve("case" + n[0]++));
            Map<Repository, Path> roots = Fixtures.checkouts(dir);
            Path target = dir.resolve(name);
            Files.write(target, mutate(Files.readAllBytes(target), kind, at, value));
            // sync (as a plan: what it would write) — a typed refusal names the file.
            try {
              Sync.plan(Exporters.fragments(Spec.defaultSetup()), Checkouts.of(roots)).diff();
            } catch (CheckoutException e) {
              assertThat(e.problems()).as(what).isNotEmpty().allSatisfy(p -> assertThat(p).doesNotContain("Exception"));
            }
            ArtifactTrees.Builder b = ArtifactTrees.builder();
            roots.forEach(b::repository);
            ArtifactTrees trees = b.build();
            // check, with the spec and without: violations, never an exception.
            Report withSpec = RoutingConsistency.check(trees, Spec.defaultSetup());
            Report without = RoutingConsistency.check(trees);
            assertThat(withSpec.format() + without.format()).as(what).doesNotContain("Exception");
            // import: a spec, or typed problems.
            try {
              Spec.parse(Importer.spec(trees), "imported");
            } catch (SpecException e) {
              assertThat(e.problems()).as(what).isNotEmpty();
            }
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          } catch (RuntimeException e) {
            throw new AssertionError(what + ": " + e, e);
          }
        });
  }

  @Test
  void everyMutationOfACompiledTreeEndsInAReport() {
    Path compiled = tmp.resolve("compiled");
    var artifacts = Exporters.compile(Spec.defaultSetup(), Exporters.DEFAULT_FORMATS);
    List<String> names = new ArrayList<>(artifacts.files().keySet());
    int[] n = {0};
    qt().withExamples(100).withFixedSeed(2323L)
        .forAll(integers().between(0, names.size() - 1), integers().between(0, 3), integers().allPositive(),
            integers().between(0, 255))
        .checkAssert((file, kind, at, value) -> {
          String what = names.get(file) + " mutation " + kind + " at " + at + " (" + value + ")";
          try {
            Path dir = compiled.resolveSibling("against" + n[0]++);
            for (Map.Entry<String, String> f : artifacts.files().entrySet()) {
              Path p = dir.resolve(f.getKey());
              Files.createDirectories(p.getParent());
              byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
              Files.write(p, f.getKey().equals(names.get(file)) ? mutate(bytes, kind, at, value) : bytes);
            }
            Report report = RoutingConsistency.check(ArtifactTrees.of(dir), Spec.defaultSetup());
            assertThat(report.format()).as(what).doesNotContain("Exception");
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          } catch (RuntimeException e) {
            throw new AssertionError(what + ": " + e, e);
          }
        });
  }
}
