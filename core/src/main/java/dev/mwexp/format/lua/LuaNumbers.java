package dev.mwexp.format.lua;

import dev.mwexp.files.Inert;

/**
 * LuaJIT's number literals, read in one linear pass (no regular expression: a malformed 100,000
 * digit literal must not take quadratic time): decimal with fraction and exponent, hex with
 * fraction and a binary {@code p} exponent ({@code 0x1p12}), and the FFI suffixes {@code LL},
 * {@code ULL} on integers and {@code i} (imaginary).
 */
final class LuaNumbers {

  private LuaNumbers() {}

  /** The literal's value (an imaginary's coefficient); "malformed number" as LuaJIT says it. */
  static double value(String text, int line) throws LuaTables.LuaSyntaxException {
    int n = text.length();
    boolean hex = n > 1 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
    int i = hex ? 2 : 0;
    int base = hex ? 16 : 10;
    int mantissaDigits = 0;
    boolean fraction = false;
    double value = 0;
    int fractionDigits = 0;
    while (i < n && (Character.digit(text.charAt(i), base) >= 0 || (text.charAt(i) == '.' && !fraction))) {
      if (text.charAt(i) == '.') {
        fraction = true;
      } else {
        value = value * base + Character.digit(text.charAt(i), base);
        mantissaDigits++;
        if (fraction) {
          fractionDigits++;
        }
      }
      i++;
    }
    if (mantissaDigits == 0) {
      throw malformed(text, line);
    }
    boolean exponent = false;
    if (i < n && (hex ? "pP" : "eE").indexOf(text.charAt(i)) >= 0) {
      exponent = true;
      i++;
      boolean negative = false;
      if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        negative = text.charAt(i) == '-';
        i++;
      }
      int digits = 0;
      long e = 0;
      while (i < n && Character.isDigit(text.charAt(i))) {
        e = Math.min(e * 10 + (text.charAt(i) - '0'), 100_000);
        digits++;
        i++;
      }
      if (digits == 0) {
        throw malformed(text, line);
      }
      long exp = negative ? -e : e;
      if (hex) {
        value = Math.scalb(value, (int) Math.max(-100_000, exp - 4L * fractionDigits));
      }
    } else if (hex) {
      value = Math.scalb(value, -4 * fractionDigits);
    }
    if (!hex) {
      // Validated above; Java's reader rounds decimals exactly, in linear time.
      value = decimal(text, i, line);
    }
    String suffix = text.substring(i).toUpperCase(java.util.Locale.ROOT);
    switch (suffix) {
      case "" , "I" -> { }
      case "LL", "ULL", "LLU" -> {
        if (fraction || exponent) {
          throw malformed(text, line);
        }
      }
      default -> throw malformed(text, line);
    }
    return value;
  }

  private static double decimal(String text, int end, int line) throws LuaTables.LuaSyntaxException {
    try {
      return Double.parseDouble(text.substring(0, end));
    } catch (NumberFormatException e) {
      throw malformed(text, line);
    }
  }

  private static LuaTables.LuaSyntaxException malformed(String text, int line) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return new LuaTables.LuaSyntaxException(line, "malformed number near '" + Inert.text(shown) + "'");
  }
}
