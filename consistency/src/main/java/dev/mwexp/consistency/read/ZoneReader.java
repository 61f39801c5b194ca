package dev.mwexp.consistency.read;

import dev.mwexp.consistency.facts.CnameRecord;
import dev.mwexp.consistency.facts.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CNAME records of a zone-file snippet (RFC 1035 master file syntax): {@code $ORIGIN} and
 * {@code $TTL}, relative and absolute names, optional TTL and class, {@code ;} comments.
 */
public final class ZoneReader {

  private ZoneReader() {}

  public static List<CnameRecord> read(String file, String zone) {
    List<CnameRecord> records = new ArrayList<>();
    String origin = "";
    int defaultTtl = 0;
    String[] lines = zone.split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
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
        defaultTtl = parseTtl(words[1], defaultTtl);
        continue;
      }
      int i = 1;
      int ttl = defaultTtl;
      while (i < words.length - 1) {
        String w = words[i].toUpperCase(Locale.ROOT);
        if (w.matches("[0-9]+")) {
          ttl = Integer.parseInt(w);
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

  private static int parseTtl(String word, int fallback) {
    return word.matches("[0-9]+") ? Integer.parseInt(word) : fallback;
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
