package dev.codeartifact.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.core.token.ExpiryMargin;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CachedTokenTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @ParameterizedTest(name = "lifetime {0} min -> margin {1} min")
  @CsvSource({
      "720, 60",  // 12 h: reused until 1 h before expiry
      "480, 60",
      "240, 60",  // 4 h: exactly the cap
      "120, 30",  // 2 h: a quarter
      "60, 15",
      "20, 5",    // 20 min: exactly the floor
      "15, 5",    // shortest duration: 5 min floor
      "1, 5",
      "0, 5",
      "-10, 5"})  // clock skew: floor
  void marginTable(long lifetimeMinutes, long marginMinutes) {
    Instant expiration = T0.plus(Duration.ofMinutes(lifetimeMinutes));
    Duration m = ExpiryMargin.of(T0, expiration);
    assertEquals(Duration.ofMinutes(marginMinutes), m);
    assertEquals(m, new CachedToken(new AuthorizationToken("tok", expiration), T0).margin());
  }

  @Test
  void usableUntilMarginBeforeExpiry() {
    Instant exp = T0.plus(Duration.ofHours(12));
    CachedToken t = new CachedToken(new AuthorizationToken("tok", exp), T0);
    assertTrue(t.isUsableAt(T0));
    assertTrue(t.isUsableAt(exp.minus(Duration.ofMinutes(60))));
    assertFalse(t.isUsableAt(exp.minus(Duration.ofMinutes(60)).plusSeconds(1)));
    assertFalse(t.isUsableAt(exp));

    Instant exp15 = T0.plus(Duration.ofMinutes(15));
    CachedToken s = new CachedToken(new AuthorizationToken("tok", exp15), T0);
    assertTrue(s.isUsableAt(T0.plus(Duration.ofMinutes(10))));
    assertFalse(s.isUsableAt(T0.plus(Duration.ofMinutes(10)).plusSeconds(1)));
  }

  @Test
  void unknownFetchTimeGetsTheFloorAndExpiredMeansNoLifeLeft() {
    Instant exp = T0.plus(Duration.ofHours(12));
    assertEquals(ExpiryMargin.MIN, ExpiryMargin.of(null, exp));
    assertTrue(ExpiryMargin.usable(null, exp, exp.minus(ExpiryMargin.MIN)));
    assertFalse(ExpiryMargin.usable(null, exp, exp.minus(ExpiryMargin.MIN).plusNanos(1)));
    assertFalse(ExpiryMargin.expired(exp, exp.minusNanos(1)));
    assertTrue(ExpiryMargin.expired(exp, exp));
    assertTrue(ExpiryMargin.expired(exp, exp.plusSeconds(1)));
  }

  @Test
  void toStringHidesToken() {
    CachedToken t = new CachedToken(new AuthorizationToken("s3cr3t-token", T0.plusSeconds(3600)), T0);
    assertFalse(t.toString().contains("s3cr3t"));
  }
}
