package dev.mwexp.export;

import java.util.Arrays;

/**
 * SHA-256 (FIPS 180-4) for the manifest, without the JCA: {@code MessageDigest.getInstance} first
 * starts the JDK's security providers, and the JDK's SHA-256 links byte-array VarHandles, together
 * about 14 ms of a cold {@code compile} into an existing tree, which hashes every file twice
 * (issue 17; BENCHMARKS.md). Sha256Test holds it equal to {@code MessageDigest}'s.
 */
final class Sha256 {

  private static final int[] K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  };

  private Sha256() {}

  /** The digest of {@code data} as 64 lower-case hex digits. */
  static String hex(byte[] data) {
    int[] h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    // Padding: a 1 bit, zeros, and the length in bits as 64 bits, to a multiple of 64 bytes.
    int padded = (data.length + 9 + 63) / 64 * 64;
    byte[] m = Arrays.copyOf(data, padded);
    m[data.length] = (byte) 0x80;
    long bits = (long) data.length * 8;
    for (int i = 0; i < 8; i++) {
      m[padded - 1 - i] = (byte) (bits >>> (8 * i));
    }
    int[] w = new int[64];
    for (int block = 0; block < padded; block += 64) {
      compress(h, m, block, w);
    }
    StringBuilder hex = new StringBuilder(64);
    for (int word : h) {
      String digits = Integer.toHexString(word);
      hex.append("0".repeat(8 - digits.length())).append(digits);
    }
    return hex.toString();
  }

  /**
   * One 64-byte block into {@code h}. A method of its own, so the JIT compiles it after a few
   * dozen blocks rather than waiting for the whole loop's back-edge count; the rotations are
   * written out because the interpreter, which runs the first blocks, calls a method for each
   * {@code Integer.rotateRight}.
   */
  private static void compress(int[] h, byte[] m, int block, int[] w) {
    for (int t = 0; t < 16; t++) {
      int i = block + 4 * t;
      w[t] = (m[i] & 0xff) << 24 | (m[i + 1] & 0xff) << 16 | (m[i + 2] & 0xff) << 8 | (m[i + 3] & 0xff);
    }
    for (int t = 16; t < 64; t++) {
      int x = w[t - 15];
      int y = w[t - 2];
      int s0 = (x >>> 7 | x << 25) ^ (x >>> 18 | x << 14) ^ (x >>> 3);
      int s1 = (y >>> 17 | y << 15) ^ (y >>> 19 | y << 13) ^ (y >>> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    int a = h[0];
    int b = h[1];
    int c = h[2];
    int d = h[3];
    int e = h[4];
    int f = h[5];
    int g = h[6];
    int hh = h[7];
    for (int t = 0; t < 64; t++) {
      int t1 = hh + ((e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7))
          + ((e & f) ^ (~e & g)) + K[t] + w[t];
      int t2 = ((a >>> 2 | a << 30) ^ (a >>> 13 | a << 19) ^ (a >>> 22 | a << 10))
          + ((a & b) ^ (a & c) ^ (b & c));
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
}
