package dev.mwexp.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mwexp.spec.Spec;
import dev.mwexp.spec.SpecException;
import dev.mwexp.validation.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every broken spec in {@code bad-specs/} is refused with exactly the typed problems listed for it
 * in {@code bad-specs/expected-problems.tsv} (file, kind, path, line:column, message fragment), and
 * never with another exception or after more than a second.
 */
class BadSpecCorpusTest {

  private static final Path CORPUS = Path.of("src/test/resources/bad-specs");
  private static final Path EXPECTED = CORPUS.resolve("expected-problems.tsv");

  /** Run with -Dmwexp.regenerate=true to rewrite the expectations; review the diff before committing. */
  private static final boolean REGENERATE = Boolean.getBoolean("mwexp.regenerate");

  @TestFactory
  Stream<DynamicTest> everyBadSpecIsRefusedWithItsProblems() throws IOException {
    List<Path> specs;
    try (Stream<Path> files = Files.list(CORPUS)) {
      specs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(specs).hasSizeGreaterThanOrEqualTo(60);
    if (REGENERATE) {
      List<String> lines = new ArrayList<>();
      for (Path spec : specs) {
        problems(spec).forEach(p -> lines.add(row(spec, p)));
      }
      Files.write(EXPECTED, lines, StandardCharsets.UTF_8);
    }
    Map<String, List<String[]>> expected = new TreeMap<>();
    for (String line : Files.readAllLines(EXPECTED, StandardCharsets.UTF_8)) {
      String[] cells = line.split("\t", -1);
      expected.computeIfAbsent(cells[0], k -> new ArrayList<>()).add(cells);
    }
    assertThat(expected.keySet())
        .containsExactlyInAnyOrderElementsOf(specs.stream().map(p -> p.getFileName().toString()).toList());
    return specs.stream()
        .map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> {
          List<Problem> actual = problems(spec);
          List<String[]> want = expected.get(spec.getFileName().toString());
          assertThat(actual).as(describe(actual)).hasSameSizeAs(want);
          for (int i = 0; i < want.size(); i++) {
            Problem p = actual.get(i);
            String[] w = want.get(i);
            assertThat(p.kind().name()).as(p.format()).isEqualTo(w[1]);
            assertThat(p.path()).as(p.format()).isEqualTo(w[2]);
            String position = p.position().map(s -> s.line() + ":" + s.column()).orElse("");
            assertThat(position).as(p.format()).isEqualTo(w[3]);
            assertThat(p.position().orElseThrow().file()).isEqualTo(spec.getFileName().toString());
            assertThat(p.message()).as(p.format()).contains(w[4]);
            assertThat(p.expected()).as(p.format()).isNotBlank();
          }
        }));
  }

  private static List<Problem> problems(Path spec) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(spec);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          try {
            Spec.parse(bytes, spec.getFileName().toString());
          } catch (SpecException e) {
            return e.problems();
          }
          throw new AssertionError(spec + " was accepted");
        });
  }

  /** The row written on regeneration: the message up to its first 40 characters as the fragment. */
  private static String row(Path spec, Problem p) {
    String fragment = p.message().length() > 40 ? p.message().substring(0, 40) : p.message();
    return String.join(
        "\t",
        spec.getFileName().toString(),
        p.kind().name(),
        p.path(),
        p.position().map(s -> s.line() + ":" + s.column()).orElse(""),
        fragment);
  }

  private static String describe(List<Problem> problems) {
    return problems.stream().map(Problem::format).collect(Collectors.joining("\n"));
  }

  @Test
  void aFiftyMegabyteSpecIsRefusedWithoutReadingIt(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.yaml");
    byte[] line = ("# " + "x".repeat(1021) + "\n").getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = Files.newOutputStream(big)) {
      for (int i = 0; i < 50 * 1024; i++) {
        out.write(line);
      }
    }
    assertThat(Files.size(big)).isEqualTo(50L * 1024 * 1024);

    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> assertThatThrownBy(() -> Spec.load(big))
            .isInstanceOfSatisfying(SpecException.class, e -> {
              assertThat(e.problems()).hasSize(1);
              assertThat(e.problems().get(0).kind()).isEqualTo(Problem.Kind.LIMIT);
              assertThat(e.problems().get(0).message()).isEqualTo(big + ": is larger than 1048576 bytes, more than mwexp reads");
            }));
  }
}
