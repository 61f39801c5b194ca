package dev.mwexp.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.mwexp.testing.Concatenations;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The host-name grammars, written as loops for speed, against their regular-expression form. */
class SyntaxTest {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private static boolean dnsLabelByPattern(String s) {
    return s.length() <= 63 && DNS_LABEL.matcher(s).matches();
  }

  private static boolean fqdnByPattern(String s) {
    if (s.length() > 253 || s.isEmpty()) {
      return false;
    }
    String[] labels = s.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!dnsLabelByPattern(label)) {
        return false;
      }
    }
    return !labels[labels.length - 1].matches("[0-9]+");
  }

  private static Gen<String> names() {
    return Concatenations.of(List.of("a", "z", "0", "9", "-", ".", "..", "A", "_", " ", "\u00e9", "eqiad", "wmnet",
        "wikikube-worker-exp1001", "10", "x".repeat(62), "x".repeat(63), "x".repeat(64), "y".repeat(200)), 7);
  }

  @Test
  void dnsLabelsAsThePatternSays() {
    qt().withExamples(20_000).forAll(names())
        .checkAssert(s -> assertThat(Syntax.isDnsLabel(s)).as(s).isEqualTo(dnsLabelByPattern(s)));
  }

  @Test
  void fqdnsAsThePatternSays() {
    qt().withExamples(20_000).forAll(names())
        .checkAssert(s -> assertThat(Syntax.isFqdn(s)).as(s).isEqualTo(fqdnByPattern(s)));
  }

  @Test
  void normalAbsolutePathsAsThePatternAndSegmentsSay() {
    String alphabet = "/./../a-b_c/x.y/Z9/ /é/";
    qt().withExamples(20_000).forAll(longs().all()).checkAssert(seed -> {
      java.util.Random r = new java.util.Random(seed);
      StringBuilder b = new StringBuilder(r.nextInt(8) == 0 ? "" : "/");
      for (int i = r.nextInt(12); i > 0; i--) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String s = b.toString();
      assertThat(Syntax.isNormalAbsolutePath(s)).as(s).isEqualTo(normalAbsolutePathByPattern(s));
    });
    assertThat(Syntax.isNormalAbsolutePath("/srv/mediawiki")).isTrue();
    assertThat(Syntax.isNormalAbsolutePath("/srv/.hidden/..x")).isTrue();
    assertThat(Syntax.isNormalAbsolutePath("/srv/../etc")).isFalse();
  }

  /** The rule as it was first written: the characters by pattern, then no empty, '.' or '..' segment. */
  private static boolean normalAbsolutePathByPattern(String s) {
    if (s.length() < 2 || s.length() > 1024 || !s.startsWith("/") || s.endsWith("/")
        || !s.matches("[A-Za-z0-9._/-]+")) {
      return false;
    }
    for (String segment : s.substring(1).split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static final Pattern XWD_BACKEND = Pattern.compile("[A-Za-z0-9.-]{1,253}");

  /** DebugRoutingRules relies on it: a host's backend, once an FQDN, needs no check of its own. */
  @Test
  void everyFqdnIsABackendTheRoutingScriptCanSelect() {
    qt().withExamples(20_000).forAll(names())
        .checkAssert(s -> assertThat(!Syntax.isFqdn(s) || Syntax.isXwdBackend(s)).as(s).isTrue());
  }

  @Test
  void xwdBackendsAsThePatternSays() {
    qt().withExamples(20_000).forAll(names())
        .checkAssert(s -> assertThat(Syntax.isXwdBackend(s)).as(s).isEqualTo(XWD_BACKEND.matcher(s).matches()));
  }

  @Test
  void examples() {
    assertThat(Syntax.isFqdn("wikikube-worker-exp1001.eqiad.wmnet")).isTrue();
    assertThat(Syntax.isFqdn("10.64.0.1")).isFalse();
    assertThat(Syntax.isFqdn("localhost")).isFalse();
    assertThat(Syntax.isFqdn("a..b")).isFalse();
    assertThat(Syntax.isDnsLabel("-a")).isFalse();
  }
}
