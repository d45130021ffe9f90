package dev.codeartifact.core.util;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 in lowercase hex: cache file names and the cross-realm notes of a build (never of a secret alone). */
public final class Digests {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Digests() {}

  /**
   * Sets up the JDK's SHA-256 on another thread: its first use in a JVM costs ~5 ms (provider lookup, the
   * digest's byte-order helpers), which the build extension otherwise pays before its first cache lookup.
   * JDK code only, so it cannot wait on anything the calling thread holds.
   */
  public static void warmUp() {
    Thread t = new Thread(new Runnable() {
      @Override
      public void run() {
        sha256Hex("");
      }
    }, "codeartifact-sha256-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** The 64 hex digits of the SHA-256 of {@code s} (UTF-8). */
  public static String sha256Hex(String s) {
    byte[] d;
    try {
      d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
    // Not String.format per byte: that parses a format string 32 times, a measurable share of a warm build.
    char[] out = new char[d.length * 2];
    for (int i = 0; i < d.length; i++) {
      out[2 * i] = HEX[(d[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[d[i] & 0xf];
    }
    return new String(out);
  }
}
