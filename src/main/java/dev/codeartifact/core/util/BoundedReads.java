package dev.codeartifact.core.util;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one bounded read: files and answers the plugin reads (token cache files, AWS config files, CA bundles,
 * the token API's answer) may be anything, so none is read without a limit. Also used from
 * {@code dev.codeartifact.core.aws}, whose class loader delegates to this one.
 */
public final class BoundedReads {
  private BoundedReads() {}

  /**
   * All of {@code in}, which is closed afterwards, or null when it holds more than {@code max} bytes (then at
   * most {@code max} + 8 KiB are read). A null stream reads as empty.
   */
  public static byte[] readAtMost(InputStream in, int max) throws IOException {
    if (in == null) {
      return new byte[0];
    }
    try (InputStream s = in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      for (int n = s.read(buf); n >= 0; n = s.read(buf)) {
        if (out.size() + n > max) {
          return null;
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }
}
