package dev.mwexp.validation;

import dev.mwexp.validation.Problem.Kind;
import java.util.List;

/**
 * What every section's rules share: where problems go, the grammar check that words a problem,
 * and the phrases that say what would be valid.
 */
abstract class Rules {

  private final List<Problem> problems;

  Rules(List<Problem> problems) {
    this.problems = problems;
  }

  final boolean check(String path, String value, Grammar rule, String expected) {
    if (rule.accepts(value)) {
      return true;
    }
    add(Kind.INVALID_VALUE, path, "'" + printable(value) + "' is not valid here", expected);
    return false;
  }

  final void add(Kind kind, String path, String message, String expected) {
    problems.add(Problem.of(kind, path, message, expected));
  }

  /** Shows control characters and long values safely inside one-line messages. */
  static String printable(String value) {
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .limit(120)
        .forEach(
            cp -> {
              if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
                out.append(String.format("\\u%04x", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    if (value.codePointCount(0, value.length()) > 120) {
      out.append("…");
    }
    return out.toString();
  }

  static final String DNS_LABEL =
      "a DNS-1123 label: lower-case letters, digits and '-', at most 63 characters";
  static final String FQDN =
      "a lower-case fully-qualified host name such as wikikube-worker-exp1001.eqiad.wmnet";
  static final String LABEL_KEY =
      "a Kubernetes label key such as dedicated or example.org/role";
  static final String LABEL_VALUE =
      "a Kubernetes label value: at most 63 letters, digits, '-', '_' or '.'";
  static final String POSIX_NAME = "a POSIX user or group name such as mwdeploy";

  static final String NORMAL_PATH =
      "an absolute, normalized path such as /srv/mediawiki (no '..', '//' or trailing '/')";
}
