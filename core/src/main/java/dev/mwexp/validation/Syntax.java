package dev.mwexp.validation;

import java.util.regex.Pattern;

/**
 * The name and value grammars of the systems mwexp writes for. Each is as strict as the consumer
 * that enforces it (the apiserver, DNS, POSIX, systemd, ATS' Lua pattern), so a value that passes
 * here is accepted there and cannot carry syntax of its own into any output.
 */
public final class Syntax {

  private static final Pattern LABEL_NAME =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern POSIX_NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
  private static final Pattern HIERA_KEY =
      Pattern.compile("[a-z][a-z0-9_]*(::[a-z][a-z0-9_]*)*");
  private static final Pattern OCTAL_MODE = Pattern.compile("[0-7]{4}");
  private static final Pattern CPU = Pattern.compile("[1-9][0-9]{0,6}m|[0-9]{1,4}(\\.[0-9]{1,3})?");
  private static final Pattern MEMORY = Pattern.compile("[1-9][0-9]{0,9}(Ki|Mi|Gi|Ti|k|M|G|T)?");
  private static final Pattern IMAGE =
      Pattern.compile(
          "[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]{1,5})?"
              + "(/[a-z0-9]+([._-][a-z0-9]+)*)*"
              + "(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
              + "(@sha256:[a-f0-9]{64})?");
  private static final Pattern SYSTEMD_UNIT = Pattern.compile("[A-Za-z0-9:_.-]{1,200}");
  private static final Pattern INI_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,99}");
  // PHP's ini scanner reads these literally in an unquoted value; '=', '!', '~', '(', ')', '"',
  // '\'', ';', '&', '|', '^' end or change the value (tested against real PHP in k8s-export).
  private static final Pattern INI_VALUE = Pattern.compile("([A-Za-z0-9_.,:/+@-]([A-Za-z0-9 _.,:/+@-]{0,198}[A-Za-z0-9_.,:/+@-])?)?");
  /** Words PHP's ini scanner reads as constants: as a key they are a syntax error. */
  private static final java.util.Set<String> INI_KEYWORDS =
      java.util.Set.of("yes", "no", "true", "false", "on", "off", "none", "null");
  private static final Pattern SCOPE_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

  private Syntax() {}

  // Loops rather than regular expressions for the names a fleet has thousands of: every host is
  // checked several times on each load.

  /** RFC 1123 label as Kubernetes object names and namespaces need it: at most 63 characters. */
  public static boolean isDnsLabel(String s) {
    if (!isLabelSpan(s, 0, s.length())) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isLabelChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** A character of a lower-case DNS label. */
  private static boolean isLabelChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  }

  /** Whether [from, to) of a name of label characters has a label's length and ends. */
  private static boolean isLabelSpan(String s, int from, int to) {
    return to - from >= 1 && to - from <= 63 && s.charAt(from) != '-' && s.charAt(to - 1) != '-';
  }

  /** A lower-case fully-qualified host name: two or more DNS labels, at most 253 characters. */
  public static boolean isFqdn(String s) {
    if (s.length() > 253 || s.isEmpty()) {
      return false;
    }
    // One pass over the characters, each label judged at its end (every host is checked twice on
    // each compile: as a host and as its backend).
    int labels = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (!isLabelSpan(s, start, i)) {
          return false;
        }
        labels++;
        start = i + 1;
      } else if (!isLabelChar(c)) {
        return false;
      }
    }
    if (labels < 1 || !isLabelSpan(s, start, s.length())) {
      return false;
    }
    // The top-level label (from start) of a real name is never all digits: that is an IPv4 address.
    for (int i = start; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return true;
      }
    }
    return false;
  }

  /** A Kubernetes label (or taint) key: optional DNS subdomain prefix, a 63-character name. */
  public static boolean isLabelKey(String s) {
    int slash = s.indexOf('/');
    String name = s;
    if (slash >= 0) {
      String prefix = s.substring(0, slash);
      name = s.substring(slash + 1);
      if (prefix.length() > 253 || !isSubdomain(prefix)) {
        return false;
      }
    }
    return !name.isEmpty() && name.length() <= 63 && LABEL_NAME.matcher(name).matches();
  }

  /** A Kubernetes label (or taint) value: empty, or a 63-character name. */
  public static boolean isLabelValue(String s) {
    return s.isEmpty() || (s.length() <= 63 && LABEL_NAME.matcher(s).matches());
  }

  private static boolean isSubdomain(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (String label : s.split("\\.", -1)) {
      if (!isDnsLabel(label)) {
        return false;
      }
    }
    return true;
  }

  /** A user or group name as useradd accepts it portably. */
  public static boolean isPosixName(String s) {
    return POSIX_NAME.matcher(s).matches();
  }

  /** A Puppet hiera key such as {@code profile::kubernetes::node::mw_experimental}. */
  public static boolean isHieraKey(String s) {
    return s.length() <= 200 && HIERA_KEY.matcher(s).matches();
  }

  /** Four octal digits, as Puppet's file mode: {@code 0775}. */
  public static boolean isOctalMode(String s) {
    return OCTAL_MODE.matcher(s).matches();
  }

  /**
   * An absolute path that is already normal: no {@code .}, {@code ..} or empty segments, no
   * trailing slash, not the root, and only portable file-name characters.
   */
  public static boolean isNormalAbsolutePath(String s) {
    if (s.length() < 2 || s.length() > 1024 || !s.startsWith("/") || s.endsWith("/")) {
      return false;
    }
    // One pass, each segment judged at its end: no '', '.' or '..'; characters [A-Za-z0-9._/-].
    int start = 1;
    for (int i = 1; i <= s.length(); i++) {
      char c = i == s.length() ? '/' : s.charAt(i);
      if (c == '/') {
        int length = i - start;
        if (length == 0 || (s.charAt(start) == '.' && (length == 1 || (length == 2 && s.charAt(start + 1) == '.')))) {
          return false;
        }
        start = i + 1;
      } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
          || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** A CPU quantity: millicores ({@code 1500m}) or cores ({@code 2}, {@code 1.5}). */
  public static boolean isCpuQuantity(String s) {
    return CPU.matcher(s).matches();
  }

  /** A memory quantity: bytes with an optional binary or decimal suffix ({@code 3500Mi}). */
  public static boolean isMemoryQuantity(String s) {
    return MEMORY.matcher(s).matches() && memoryBytesOrNegative(s) >= 0;
  }

  /** CPU in millicores; the argument must satisfy {@link #isCpuQuantity}. */
  public static long cpuMillis(String s) {
    if (s.endsWith("m")) {
      return Long.parseLong(s.substring(0, s.length() - 1));
    }
    return new java.math.BigDecimal(s).movePointRight(3).longValueExact();
  }

  /** Memory in bytes; the argument must satisfy {@link #isMemoryQuantity}. */
  public static long memoryBytes(String s) {
    long bytes = memoryBytesOrNegative(s);
    if (bytes < 0) {
      throw new IllegalArgumentException("not a memory quantity of at most 2^63-1 bytes: " + s);
    }
    return bytes;
  }

  /** Bytes of a quantity matching the pattern, or -1 when the count does not fit a long. */
  private static long memoryBytesOrNegative(String s) {
    try {
      return memoryBytesExact(s);
    } catch (ArithmeticException e) {
      return -1;
    }
  }

  private static long memoryBytesExact(String s) {
    String[] suffixes = {"Ki", "Mi", "Gi", "Ti", "k", "M", "G", "T"};
    long[] factors = {
      1L << 10, 1L << 20, 1L << 30, 1L << 40, 1_000L, 1_000_000L, 1_000_000_000L, 1_000_000_000_000L
    };
    for (int i = 0; i < suffixes.length; i++) {
      if (s.endsWith(suffixes[i])) {
        return Math.multiplyExact(Long.parseLong(s.substring(0, s.length() - suffixes[i].length())), factors[i]);
      }
    }
    return Long.parseLong(s);
  }

  /** A container image reference: {@code registry[:port]/path[:tag][@sha256:digest]}. */
  public static boolean isImageReference(String s) {
    return s.length() <= 512 && IMAGE.matcher(s).matches();
  }

  /** A systemd unit name stem (without {@code .timer}). */
  public static boolean isSystemdUnitName(String s) {
    return SYSTEMD_UNIT.matcher(s).matches();
  }

  /** A backend name the ATS routing script can extract from the header: its Lua pattern is [%a%d%.-]+. */
  public static boolean isXwdBackend(String s) {
    if (s.isEmpty() || s.length() > 253) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** systemd's time units, in the order its parser tries them (the first prefix that matches wins). */
  private static final String[][] SYSTEMD_UNITS = {
    {"seconds", "1000000"}, {"second", "1000000"}, {"sec", "1000000"}, {"s", "1000000"},
    {"minutes", "60000000"}, {"minute", "60000000"}, {"min", "60000000"},
    {"months", "2629800000000"}, {"month", "2629800000000"}, {"M", "2629800000000"},
    {"msec", "1000"}, {"ms", "1000"}, {"m", "60000000"},
    {"hours", "3600000000"}, {"hour", "3600000000"}, {"hr", "3600000000"}, {"h", "3600000000"},
    {"days", "86400000000"}, {"day", "86400000000"}, {"d", "86400000000"},
    {"weeks", "604800000000"}, {"week", "604800000000"}, {"w", "604800000000"},
    {"years", "31557600000000"}, {"year", "31557600000000"}, {"y", "31557600000000"},
    {"usec", "1"}, {"us", "1"}, {"\u03bcs", "1"}, {"\u00b5s", "1"},
  };

  /**
   * The microseconds of a systemd time span ({@code 1 hour}, {@code 1h30min}, {@code 90}, {@code .5s}),
   * parsed as systemd's {@code parse_time()} does with seconds as the default unit; -1 for
   * {@code infinity}; empty when systemd would refuse it. Checked against {@code systemd-analyze
   * timespan} in tests.
   */
  public static java.util.OptionalLong systemdTimespan(String text) {
    String t = text;
    int i = skipSpace(t, 0);
    if (t.startsWith("infinity", i)) {
      return skipSpace(t, i + 8) == t.length() ? java.util.OptionalLong.of(-1) : java.util.OptionalLong.empty();
    }
    java.math.BigInteger total = java.math.BigInteger.ZERO;
    boolean something = false;
    while (true) {
      i = skipSpace(t, i);
      if (i == t.length()) {
        return something ? java.util.OptionalLong.of(total.longValue()) : java.util.OptionalLong.empty();
      }
      if (t.charAt(i) == '-') {
        return java.util.OptionalLong.empty();
      }
      // strtoll: optional spaces and '+', then decimal digits.
      int j = i;
      while (j < t.length() && " \t\n\r\u000b\f".indexOf(t.charAt(j)) >= 0) {
        j++;
      }
      if (j < t.length() && t.charAt(j) == '+') {
        j++;
      }
      int digitsStart = j;
      while (j < t.length() && t.charAt(j) >= '0' && t.charAt(j) <= '9') {
        j++;
      }
      boolean hasInt = j > digitsStart;
      if (!hasInt) {
        // strtoll parsed nothing: its end is where it started, so only a bare ".5" goes on.
        j = i;
      }
      java.math.BigInteger whole = hasInt ? new java.math.BigInteger(t.substring(digitsStart, j)) : java.math.BigInteger.ZERO;
      String fraction = "";
      if (j < t.length() && t.charAt(j) == '.') {
        int f = j + 1;
        while (f < t.length() && t.charAt(f) >= '0' && t.charAt(f) <= '9') {
          f++;
        }
        if (f == j + 1) {
          return java.util.OptionalLong.empty();
        }
        fraction = t.substring(j + 1, f);
        j = f;
      } else if (!hasInt) {
        return java.util.OptionalLong.empty();
      }
      int unitAt = skipSpace(t, j);
      long multiplier = 1_000_000;
      int after = unitAt;
      for (String[] unit : SYSTEMD_UNITS) {
        if (t.startsWith(unit[0], unitAt)) {
          multiplier = Long.parseLong(unit[1]);
          after = unitAt + unit[0].length();
          break;
        }
      }
      if (after == j && j < t.length()) {
        // Neither a unit nor a space after the number: "12.34.56", "5x".
        return java.util.OptionalLong.empty();
      }
      java.math.BigInteger m = java.math.BigInteger.valueOf(multiplier);
      total = total.add(whole.multiply(m));
      if (!fraction.isEmpty()) {
        total = total.add(new java.math.BigDecimal("0." + fraction).multiply(new java.math.BigDecimal(m)).toBigInteger());
      }
      if (total.compareTo(java.math.BigInteger.valueOf(Long.MAX_VALUE).shiftLeft(1)) >= 0) {
        return java.util.OptionalLong.empty();
      }
      something = true;
      i = after;
    }
  }

  private static int skipSpace(String t, int i) {
    while (i < t.length() && " \t\n\r".indexOf(t.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  /** Directories that are the system's: neither they nor anything inside them may be the mount path. */
  private static final java.util.List<String> SYSTEM_TREES = java.util.List.of(
      "/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/proc", "/root", "/run", "/sbin",
      "/sys", "/usr", "/var/run", "/var/lock", "/var/log", "/var/cache", "/var/spool", "/var/lib/kubelet",
      "/var/lib/containerd", "/var/lib/docker", "/var/lib/dpkg", "/var/lib/apt", "/var/lib/puppet",
      "/var/lib/mwdeploy", "/var/lib/mw-experimental", dev.mwexp.model.Service.PHP_OVERRIDES_DIR);
  /** Shared parents: the mount path may be inside them, never one of them. */
  private static final java.util.List<String> SHARED_PARENTS = java.util.List.of(
      "/", "/var", "/var/lib", "/srv", "/home", "/opt", "/tmp", "/var/tmp", "/mnt", "/media", "/usr/local");

  /**
   * Why a normalized absolute path cannot be the code's mount path, or empty: it is a shared parent
   * ({@code /}, {@code /srv}), or a system directory or inside one ({@code /etc}, {@code /var/lib/kubelet/x}).
   */
  public static java.util.Optional<String> systemPathConflict(String path) {
    if (SHARED_PARENTS.contains(path)) {
      return java.util.Optional.of("is a directory the system shares");
    }
    for (String tree : SYSTEM_TREES) {
      if (path.equals(tree) || path.startsWith(tree + "/")) {
        return java.util.Optional.of(path.equals(tree) ? "is a system directory" : "is inside the system directory " + tree);
      }
    }
    return java.util.Optional.empty();
  }

  /** A php.ini directive name. */
  public static boolean isIniKey(String s) {
    return INI_KEY.matcher(s).matches() && !INI_KEYWORDS.contains(s.toLowerCase(java.util.Locale.ROOT));
  }

  /** A php.ini value that needs no quoting in an ini file nor in YAML. */
  public static boolean isIniValue(String s) {
    return INI_VALUE.matcher(s).matches();
  }

  /** An ATS routing scope name (a Lua table key and a message word). */
  public static boolean isScopeName(String s) {
    return SCOPE_NAME.matcher(s).matches();
  }
}
