package dev.mwexp.fragment;

import java.util.List;

/** The only globs fragments use: {@code *} for any run of characters, everything else literal. */
public final class Globs {

  private Globs() {}

  public static boolean matches(String glob, String name) {
    return matches(glob, 0, name, 0);
  }

  public static boolean matchesAny(List<String> globs, String name) {
    return globs.stream().anyMatch(g -> matches(g, name));
  }

  private static boolean matches(String glob, int g, String name, int n) {
    while (g < glob.length()) {
      char c = glob.charAt(g);
      if (c == '*') {
        for (int i = n; i <= name.length(); i++) {
          if (matches(glob, g + 1, name, i)) {
            return true;
          }
        }
        return false;
      }
      if (n >= name.length() || name.charAt(n) != c) {
        return false;
      }
      g++;
      n++;
    }
    return n == name.length();
  }
}
