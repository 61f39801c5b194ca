package dev.mwexp.spec;

import dev.mwexp.validation.Problem;
import dev.mwexp.validation.SourcePosition;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Turns spec bytes into text: strict UTF-8, so binary garbage is named, not half-read. */
final class SpecText {

  private SpecText() {}

  static String decode(byte[] bytes, String origin) throws SpecException {
    int start = 0;
    if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
      start = 3;
    } else if (startsWith(bytes, 0xfe, 0xff) || startsWith(bytes, 0xff, 0xfe)) {
      throw problem(origin, 1, 1, "the file is UTF-16 (it starts with a UTF-16 byte order mark)");
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int bad = in.position();
      String prefix = out.flip().toString();
      int[] lc = dev.mwexp.format.Lines.lineAndColumn(prefix, prefix.length());
      throw problem(
          origin,
          lc[0],
          lc[1],
          "byte " + bad + " (0x" + String.format("%02x", bytes[bad] & 0xff) + ") is not UTF-8");
    }
    decoder.flush(out);
    String text = out.flip().toString();
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      int[] lc = dev.mwexp.format.Lines.lineAndColumn(text, nul);
      throw problem(origin, lc[0], lc[1], "the file contains a NUL byte: it is binary, not YAML");
    }
    return text;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static SpecException problem(String origin, int line, int column, String message) {
    return new SpecException(
        List.of(
            Problem.of(Problem.Kind.ENCODING, "", message, "a UTF-8 text file")
                .at(SourcePosition.of(origin, line, column))));
  }
}
