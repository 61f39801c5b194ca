package dev.mwexp.spec;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for misspelt spec keys, and the CLI's commands and options: the closest within a small edit distance. */
public final class Suggestions {

  private Suggestions() {}

  /** The closest candidate, or null when none is close enough to be a likely typo. */
  public static String closest(String typed, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String normalizedTyped = normalize(typed);
    for (String candidate : candidates) {
      int d =
          normalize(candidate).equals(normalizedTyped)
              ? 0
              : distance(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, typed.length() / 3);
    return bestDistance <= allowed ? best : null;
  }

  /** mount_path, mount-path and MountPath all mean mountPath. */
  private static String normalize(String key) {
    return key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
