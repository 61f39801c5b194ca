package dev.mwexp.tests.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.consistency.ArtifactTrees;
import dev.mwexp.consistency.RoutingConsistency;
import dev.mwexp.diagnostic.Diagnostic;
import dev.mwexp.fragment.Repository;
import dev.mwexp.spec.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Golden checks in Error Prone's style: the tree under check carries the expected diagnostics
 * inline, as a comment on the line each must be reported at ({@code # BUG: PORT},
 * {@code -- BUG: DUPLICATE_KEY}, {@code ; BUG: CNAME_TARGET}); a file without comments (debug.json)
 * or a finding about a whole file is named with {@code BUG@file: ID} (or {@code BUG@file:line: ID}
 * for a file shared through a link) in any comment. The checker's
 * diagnostics must match the markers exactly: every marker reported at its line, nothing else
 * reported. No expected text comes from the code under test.
 */
final class GoldenChecks {

  private static final Pattern MARKER = Pattern.compile("(?:#|--|;)\\s*BUG(?:@([^:\\s]+)(?::(\\d+))?)?:\\s*([A-Z_]+)");

  private GoldenChecks() {}

  /** An expected finding: its id, the file relative to the tree, the line (0 for the whole file). */
  record Expected(String id, String file, int line) implements Comparable<Expected> {
    @Override
    public int compareTo(Expected o) {
      return toString().compareTo(o.toString());
    }

    @Override
    public String toString() {
      return id + " " + file + ":" + line;
    }
  }

  /** Every marker in every file of {@code tree}. */
  static Set<Expected> markers(Path tree) {
    Set<Expected> out = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(tree)) {
      for (Path p : walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
        String rel = tree.relativize(p).toString();
        List<String> lines = Files.readAllLines(p);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = MARKER.matcher(lines.get(i));
          while (m.find()) {
            out.add(m.group(1) == null ? new Expected(m.group(3), rel, i + 1)
                : new Expected(m.group(3), m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The diagnostics of a check of {@code tree} (laid out as compile writes it) against the built-in model. */
  static List<Diagnostic> check(Path tree) {
    return RoutingConsistency.check(ArtifactTrees.of(tree), Spec.defaultSetup()).violations().stream()
        .map(v -> v.diagnostic()).toList();
  }

  /** The same, over the tree's directories as checkouts of the real repositories. */
  static List<Diagnostic> checkCheckouts(Path tree) {
    ArtifactTrees.Builder b = ArtifactTrees.builder();
    for (Repository r : Repository.all()) {
      // The four the fixtures hold, and a plug-in's when the case made its checkout.
      if (r.builtIn() || java.nio.file.Files.isDirectory(tree.resolve(r.directory()))) {
        b.repository(r, tree.resolve(r.directory()));
      }
    }
    return RoutingConsistency.check(b.build(), Spec.defaultSetup()).violations().stream().map(v -> v.diagnostic()).toList();
  }

  /** Every marker matched by a diagnostic at one of its positions, and every diagnostic by a marker. */
  static void assertExactly(Set<Expected> markers, List<Diagnostic> diagnostics, String name) {
    List<String> unexpected = new ArrayList<>();
    Set<Expected> matched = new TreeSet<>();
    for (Diagnostic d : diagnostics) {
      boolean hit = false;
      List<Diagnostic.Position> at = d.positions().isEmpty()
          ? List.of(new Diagnostic.Position(d.subject(), 0, 0)) : d.positions();
      for (Diagnostic.Position p : at) {
        Expected e = new Expected(d.id(), p.file(), p.line());
        if (markers.contains(e)) {
          matched.add(e);
          hit = true;
        }
      }
      if (!hit) {
        unexpected.add(d.format());
      }
    }
    Set<Expected> missing = new TreeSet<>(markers);
    missing.removeAll(matched);
    assertThat(unexpected).as("%s: reported without a marker", name).isEmpty();
    assertThat(missing).as("%s: markers not reported; the diagnostics were %s", name,
        diagnostics.stream().map(Diagnostic::format).toList()).isEmpty();
  }
}
