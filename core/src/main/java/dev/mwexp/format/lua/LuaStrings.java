package dev.mwexp.format.lua;

import java.nio.charset.StandardCharsets;

/**
 * Lua 5.1 string literals for any Java string. The literal is plain ASCII: quotes, backslashes,
 * control characters and every non-ASCII byte are decimal escapes, so nothing in a name can end
 * the string, open a comment or change what the script does.
 */
public final class LuaStrings {

  private LuaStrings() {}

  public static String literal(String value) {
    StringBuilder out = new StringBuilder("\"");
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      boolean safe = b >= 0x20 && b < 0x7f && b != '"' && b != '\\';
      if (safe) {
        out.append((char) b);
      } else {
        // Three digits always: "\1" followed by a digit would read as one longer escape.
        out.append('\\').append(String.format("%03d", b));
      }
    }
    return out.append('"').toString();
  }
}
