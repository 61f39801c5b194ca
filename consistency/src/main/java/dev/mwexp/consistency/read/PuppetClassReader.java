package dev.mwexp.consistency.read;

import dev.mwexp.consistency.facts.Source;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the mw-experimental profile class does to the mount path: the first {@code file} resource
 * with {@code ensure => directory} whose title is a path (a literal, or a parameter's default),
 * and its owner, group and mode as written (literal strings, or the {@code lookup()} default of a
 * parameter the attribute names).
 */
public final class PuppetClassReader {

  private static final Pattern FILE =
      Pattern.compile("file\\s*\\{\\s*(?:'(/[^']*)'|\\$(\\w+))\\s*:([^}]*)\\}", Pattern.DOTALL);
  private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)\\s*=>\\s*(?:'([^']*)'|\\$(\\w+))");

  private PuppetClassReader() {}

  /** {@code path}, {@code owner}, {@code group}, {@code mode} with their sources; empty when no directory is managed. */
  public static Map<String, Map.Entry<String, Source>> mountDirectory(String file, String text) {
    Map<String, Map.Entry<String, Source>> out = new LinkedHashMap<>();
    Matcher m = FILE.matcher(text);
    while (m.find()) {
      String body = m.group(3);
      String path = m.group(1) != null ? m.group(1) : parameterDefault(text, m.group(2));
      if (!body.matches("(?s).*ensure\\s*=>\\s*directory.*") || path == null || !path.startsWith("/")) {
        continue;
      }
      out.put("path", Map.entry(path, Source.of(file, line(text, m.start()))));
      Matcher a = ATTRIBUTE.matcher(body);
      while (a.find()) {
        String name = a.group(1);
        if (!(name.equals("owner") || name.equals("group") || name.equals("mode"))) {
          continue;
        }
        String value = a.group(2) != null ? a.group(2) : parameterDefault(text, a.group(3));
        if (value != null) {
          out.put(name, Map.entry(value, Source.of(file, line(text, m.start(3) + a.start()))));
        }
      }
      return out;
    }
    return out;
  }

  /** {@code $name = lookup('…', {'default_value' => 'x'})} or {@code $name = 'x'} in the parameters. */
  private static String parameterDefault(String text, String name) {
    Matcher m = Pattern.compile("\\$" + name + "\\s*=\\s*(?:lookup\\([^)]*'default_value'\\s*=>\\s*'([^']*)'|'([^']*)')")
        .matcher(text);
    return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
  }

  private static int line(String text, int offset) {
    return dev.mwexp.format.Lines.number(text, offset);
  }
}
