package dev.mwexp.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The manifest's SHA-256 is the JCA's, byte for byte, so manifests written before stay valid. */
class Sha256Test {

  private static String jca(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  /** FIPS 180-2's examples, and the empty input. */
  @Test
  void publishedTestVectors() {
    assertThat(Sha256.hex(new byte[0])).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Sha256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    assertThat(Sha256.hex("a".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }

  /** Every length across the padding's edges (55, 56, 63, 64, 119, 120 … bytes), random contents. */
  @Test
  void agreesWithMessageDigestOnEveryLengthAndContent() {
    qt().withExamples(2000).forAll(integers().between(0, 300), integers().all()).checkAssert((length, seed) -> {
      byte[] data = new byte[length];
      new Random(seed).nextBytes(data);
      try {
        assertThat(Sha256.hex(data)).as("length %d", length).isEqualTo(jca(data));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }
}
