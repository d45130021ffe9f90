package dev.codeartifact.core.util;

import java.time.Duration;

/**
 * How every message words a duration. Two scales on purpose, each keeping the lines users already see: a
 * timeout ("30 s") and the time a token has left ("11 h 59 min"). Also used from
 * {@code dev.codeartifact.core.aws}, whose class loader delegates to this one.
 */
public final class Durations {
  private Durations() {}

  /** A timeout: {@code "30 s"}, or {@code "300 ms"} when not a whole number of seconds. */
  public static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.getSeconds() + " s" : d.toMillis() + " ms";
  }

  /** The time a token has left: {@code "45 min"}, {@code "11 h 59 min"}; never negative. */
  public static String hoursMinutes(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    return minutes >= 60 ? (minutes / 60) + " h " + (minutes % 60) + " min" : minutes + " min";
  }
}
