package dev.codeartifact.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The formatter-free instants must read and write exactly what java.time does for the cache's range. */
class IsoInstantsTest {
  private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
  private static final long YEAR_9999_END = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  @Test
  void readsAndWritesLikeJavaTimeForRandomInstants() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      long seconds = YEAR_0 + (long) (random.nextDouble() * (YEAR_9999_END - YEAR_0));
      int nanos = i % 4 == 0 ? 0 : i % 4 == 1 ? random.nextInt(1000) * 1_000_000 : random.nextInt(1_000_000_000);
      Instant instant = Instant.ofEpochSecond(seconds, nanos);
      String text = instant.toString();
      assertEquals(instant, IsoInstants.parse(text), text);
      assertEquals(instant.truncatedTo(ChronoUnit.SECONDS).toString(), IsoInstants.seconds(instant), text);
    }
  }

  @Test
  void readsEveryFractionLength() {
    assertEquals(Instant.parse("2026-01-01T12:00:00.5Z"), IsoInstants.parse("2026-01-01T12:00:00.5Z"));
    assertEquals(Instant.parse("2026-01-01T12:00:00.05Z"), IsoInstants.parse("2026-01-01T12:00:00.05Z"));
    assertEquals(Instant.parse("2026-01-01T12:00:00.123456789Z"), IsoInstants.parse("2026-01-01T12:00:00.123456789Z"));
    assertEquals(Instant.parse("2024-02-29T23:59:59Z"), IsoInstants.parse("2024-02-29T23:59:59Z"));
  }

  @Test
  void writesWholeSecondsOnTheEdges() {
    assertEquals("1970-01-01T00:00:00Z", IsoInstants.seconds(Instant.EPOCH));
    assertEquals("2026-12-31T23:59:59Z", IsoInstants.seconds(Instant.parse("2026-12-31T23:59:59.999999999Z")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2026-01-01T12:00:00", "2026-01-01T12:00:00+01:00", "2026-01-01 12:00:00Z",
      "2026-1-01T12:00:00Z", "2026-01-01T12:00:00.Z", "2026-01-01T12:00:00.1234567890Z", "2026-13-01T12:00:00Z",
      "2026-02-30T12:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T12:60:00Z", "2026-01-01T12:00:60Z",
      "+2026-01-01T12:00:00Z", "2026-01-01T12:00:00z", "２026-01-01T12:00:00Z", "2026-01-01T12:00:0xZ",
      "2026-01-01T12:00:00,5Z", "2026-01-01T12:00:00.-5Z"})
  void rejectsAnythingElse(String text) {
    assertThrows(IllegalArgumentException.class, () -> IsoInstants.parse(text));
  }
}
