package dev.mwexp.testing;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.quicktheories.core.Gen;

/**
 * Strings made of 0 to {@code max} pieces drawn from a list: the pieces a grammar or writer turns
 * on (separators, boundaries, lengths), so generated inputs hit its edges; they shrink towards
 * fewer and earlier pieces.
 */
public final class Concatenations {

  private Concatenations() {}

  public static Gen<String> of(List<String> pieces, int max) {
    return in -> {
      int n = integers().between(0, max).generate(in);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < n; i++) {
        s.append(arbitrary().pick(pieces).generate(in));
      }
      return s.toString();
    };
  }
}
