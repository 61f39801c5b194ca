package dev.mwexp.testing;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.quicktheories.core.Gen;

/** Strings YAML 1.1 and 1.2 readers, Puppet and hiera's interpolation like to misread. */
public final class NastyStrings {

  private NastyStrings() {}

  public static Gen<String> nastyStrings() {
    List<String> trouble = List.of("0775", "on", "Off", "yes", "NO", "y", "n", "~", "null", "1e3", "0x1F", "0o17", "10:30",
        "1:20:30", "2001-12-14", "2001-12-14 21:59:43.10 -5", ".inf", "-.Inf", ".nan", "1_000", "+1", "-1", "0b101", "<<", "=",
        "%{facts.fqdn}", "${x}", "#c", "a #c", "a: b", "-", "- x", "? x", "[a]", "{a}", "*a", "&a", "!a", "|", ">", "'", "\"",
        "@", "`", " lead", "trail ", "", "\t", "a\nb", "\u00e9", "\u2028", "\ufeff", "\u0085", "\uD83D\uDE00");
    Gen<String> tricky = in -> trouble.get(integers().between(0, trouble.size() - 1).generate(in));
    Gen<String> random = strings().betweenCodePoints(1, 0xD7FF).ofLengthBetween(0, 12);
    return in -> {
      StringBuilder s = new StringBuilder();
      for (String part : lists().of(in2 -> integers().between(0, 2).generate(in2) == 0 ? random.generate(in2) : tricky.generate(in2))
          .ofSizeBetween(1, 3).generate(in)) {
        s.append(part);
      }
      return s.toString();
    };
  }}
