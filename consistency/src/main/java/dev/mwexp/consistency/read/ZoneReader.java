package dev.mwexp.consistency.read;

import dev.mwexp.consistency.facts.CnameRecord;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.files.TreeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CNAME records of a zone-file snippet (RFC 1035 master file syntax): {@code $ORIGIN} and
 * {@code $TTL}, relative and absolute names, optional TTL and class, {@code ;} comments.
 */
public final class ZoneReader {

  private ZoneReader() {}

  /** The largest TTL a record may carry (RFC 2181: 2^31 - 1 seconds). */
  public static final long MAX_TTL = Integer.MAX_VALUE;

  public static List<CnameRecord> read(String file, String zone) throws TreeException {
    List<CnameRecord> records = new ArrayList<>();
    String origin = "";
    int defaultTtl = 0;
    String[] lines = zone.split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      int lineNumber = n + 1;
      String line = stripComment(lines[n]).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] words = line.split("\\s+");
      if (words[0].equalsIgnoreCase("$ORIGIN") && words.length > 1) {
        origin = absolute(words[1], "");
        continue;
      }
      if (words[0].equalsIgnoreCase("$TTL") && words.length > 1) {
        defaultTtl = ttl(words[1]).orElseThrow(() -> badTtl(file, lineNumber, words[1]));
        continue;
      }
      int i = 1;
      int ttl = defaultTtl;
      while (i < words.length - 1) {
        String w = words[i].toUpperCase(Locale.ROOT);
        if (Character.isDigit(w.charAt(0))) {
          String word = words[i];
          ttl = ttl(word).orElseThrow(() -> badTtl(file, lineNumber, word));
        } else if (!w.equals("IN")) {
          break;
        }
        i++;
      }
      if (i + 1 < words.length && words[i].equalsIgnoreCase("CNAME")) {
        records.add(
            new CnameRecord(
                absolute(words[0], origin), absolute(words[i + 1], origin), ttl, Source.of(file, n + 1)));
      }
    }
    return records;
  }

  private static String stripComment(String line) {
    int semicolon = line.indexOf(';');
    return semicolon < 0 ? line : line.substring(0, semicolon);
  }

  /**
   * A TTL as BIND reads it: seconds ({@code 300}) or units ({@code 1H}, {@code 1h30m}, {@code 2D},
   * {@code 1W}), at most {@link #MAX_TTL}; empty when it is neither.
   */
  public static java.util.Optional<Integer> ttl(String word) {
    String w = word.toUpperCase(Locale.ROOT);
    if (w.isEmpty() || w.length() > 40) {
      return java.util.Optional.empty();
    }
    long total = 0;
    long number = -1;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c >= '0' && c <= '9') {
        number = (number < 0 ? 0 : number) * 10 + (c - '0');
        if (number > MAX_TTL) {
          return java.util.Optional.empty();
        }
        continue;
      }
      long unit = switch (c) {
        case 'S' -> 1;
        case 'M' -> 60;
        case 'H' -> 3600;
        case 'D' -> 86400;
        case 'W' -> 604800;
        default -> -1;
      };
      if (unit < 0 || number < 0) {
        return java.util.Optional.empty();
      }
      total += number * unit;
      number = -1;
      if (total > MAX_TTL) {
        return java.util.Optional.empty();
      }
    }
    total += Math.max(0, number);
    return total > MAX_TTL ? java.util.Optional.empty() : java.util.Optional.of((int) total);
  }

  private static TreeException badTtl(String file, int line, String word) {
    return new TreeException(file, line, 0,
        "TTL '" + word + "' is not a number of seconds (or 1H-style units) up to " + MAX_TTL);
  }

  /** A name without its trailing dot; relative names get the origin appended. */
  private static String absolute(String name, String origin) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".")) {
      return lower.substring(0, lower.length() - 1);
    }
    if (lower.equals("@")) {
      return origin;
    }
    return origin.isEmpty() ? lower : lower + "." + origin;
  }
}
