package dev.codeartifact.core.util;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The UTC instants of the token cache file and the log lines ({@code 2026-01-01T12:00:00Z}), read and
 * written without {@link java.time.format.DateTimeFormatter}: a build served from the cache would otherwise
 * spend several milliseconds of its start-up initialising the formatter machinery for two timestamps.
 */
public final class IsoInstants {
  private IsoInstants() {}

  /**
   * Parses {@code yyyy-MM-ddTHH:mm:ss[.f...]Z} (1 to 9 fraction digits, UTC only), the form
   * {@link Instant#toString()} writes for years 0000-9999.
   *
   * @throws IllegalArgumentException when {@code text} is not exactly that form or not a real date/time
   */
  public static Instant parse(String text) {
    int n = text.length();
    if (n < 20 || n == 21 || n > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(n - 1) != 'Z'
        || n > 20 && text.charAt(19) != '.') {
      throw new IllegalArgumentException("not an ISO-8601 UTC instant");
    }
    int nano = 0;
    if (n > 20) {
      nano = digits(text, 20, n - 1);
      for (int i = n - 21; i < 9; i++) {
        nano *= 10;
      }
    }
    try {
      return LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10), digits(text, 11, 13),
          digits(text, 14, 16), digits(text, 17, 19), nano).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a valid date and time");
    }
  }

  /** {@code instant} to whole seconds, as {@code yyyy-MM-ddTHH:mm:ssZ} (same text as {@link Instant#toString()}). */
  public static String seconds(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    StringBuilder b = new StringBuilder(20).append(t.toLocalDate()).append('T');
    return two(two(two(b, t.getHour()).append(':'), t.getMinute()).append(':'), t.getSecond()).append('Z').toString();
  }

  private static StringBuilder two(StringBuilder b, int value) {
    return b.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not an ISO-8601 UTC instant");
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
