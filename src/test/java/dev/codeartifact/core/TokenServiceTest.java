package dev.codeartifact.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** A clock tests move by hand. */
  static final class SettableClock extends Clock {
    volatile Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** Counts fetches; each gives a new token valid for {@code life} from the clock's now. */
  static final class CountingSource implements TokenSource {
    final AtomicInteger fetches = new AtomicInteger();
    final Clock clock;
    final Duration life;
    volatile long delayMillis;
    volatile CodeArtifactException failure;

    CountingSource(Clock clock, Duration life) {
      this.clock = clock;
      this.life = life;
    }

    @Override
    public AuthorizationToken fetch(TokenRequest request) throws CodeArtifactException {
      int n = fetches.incrementAndGet();
      if (delayMillis > 0) {
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (failure != null) {
        throw failure;
      }
      return new AuthorizationToken("token-" + n + "-" + request.domain(), clock.instant().plus(life));
    }
  }

  static TokenRequest request(String domain) throws InvalidParameterException {
    return TokenRequest.builder().domain(domain).domainOwner("111122223333").region("us-east-1").build();
  }

  @Test
  void manyThreadsAtOnceMakeOneFetch() throws Exception {
    SettableClock clock = new SettableClock(T0);
    TokenService service = new TokenService(clock);
    CountingSource source = new CountingSource(clock, Duration.ofHours(12));
    source.delayMillis = 200;
    int threads = 32;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<AuthorizationToken>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        // an equal but distinct request object each time, as each module builds its own
        TokenRequest mine = request("acme");
        results.add(pool.submit(() -> {
          start.await();
          return service.get(mine, source);
        }));
      }
      start.countDown();
      AuthorizationToken first = results.get(0).get(10, TimeUnit.SECONDS);
      for (Future<AuthorizationToken> f : results) {
        assertSame(first, f.get(10, TimeUnit.SECONDS));
      }
      assertEquals(1, source.fetches.get());
      assertEquals("token-1-acme", first.secret());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void distinctRequestsFetchSeparatelyAndConcurrently() throws Exception {
    SettableClock clock = new SettableClock(T0);
    TokenService service = new TokenService(clock);
    CountingSource source = new CountingSource(clock, Duration.ofHours(12));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<AuthorizationToken>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String domain = i % 2 == 0 ? "acme" : "other";
        results.add(pool.submit(() -> service.get(request(domain), source)));
      }
      for (int i = 0; i < results.size(); i++) {
        assertTrue(results.get(i).get(10, TimeUnit.SECONDS).secret().endsWith(i % 2 == 0 ? "acme" : "other"));
      }
      assertEquals(2, source.fetches.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void memoisedWhileTheMarginHoldsThenRefetched() throws Exception {
    SettableClock clock = new SettableClock(T0);
    TokenService service = new TokenService(clock);
    CountingSource source = new CountingSource(clock, Duration.ofHours(12));
    TokenRequest request = request("acme");
    AuthorizationToken first = service.get(request, source);
    assertSame(first, service.peek(request));
    // a 12 h token keeps a 60 min margin: usable until 11 h after it was fetched
    clock.advance(Duration.ofHours(11));
    assertSame(first, service.get(request, source));
    assertEquals(1, source.fetches.get());
    clock.advance(Duration.ofSeconds(1));
    assertNull(service.peek(request));
    AuthorizationToken second = service.get(request, source);
    assertNotSame(first, second);
    assertEquals("token-2-acme", second.secret());
    assertEquals(2, source.fetches.get());
  }

  @Test
  void shortTokensKeepTheFiveMinuteFloor() throws Exception {
    SettableClock clock = new SettableClock(T0);
    TokenService service = new TokenService(clock);
    CountingSource source = new CountingSource(clock, Duration.ofMinutes(15));
    TokenRequest request = request("acme");
    service.get(request, source);
    clock.advance(Duration.ofMinutes(10));
    service.get(request, source);
    assertEquals(1, source.fetches.get());
    clock.advance(Duration.ofSeconds(1));
    service.get(request, source);
    assertEquals(2, source.fetches.get());
  }

  @Test
  void failuresAreNotMemoised() throws Exception {
    SettableClock clock = new SettableClock(T0);
    TokenService service = new TokenService(clock);
    CountingSource source = new CountingSource(clock, Duration.ofHours(1));
    source.failure = new CodeArtifactException("denied");
    TokenRequest request = request("acme");
    assertEquals("denied", assertThrows(CodeArtifactException.class, () -> service.get(request, source)).getMessage());
    assertThrows(CodeArtifactException.class, () -> service.get(request, source));
    assertEquals(2, source.fetches.get(), "each call tries again");
    assertNull(service.peek(request));
    source.failure = null;
    assertEquals("token-3-acme", service.get(request, source).secret());
  }

  @Test
  void rememberAndClear() throws Exception {
    SettableClock clock = new SettableClock(T0);
    TokenService service = new TokenService(clock);
    CountingSource source = new CountingSource(clock, Duration.ofHours(1));
    TokenRequest request = request("acme");
    AuthorizationToken elsewhere = new AuthorizationToken("from-another-realm", T0.plus(Duration.ofHours(2)));
    service.remember(request, elsewhere);
    assertSame(elsewhere, service.get(request, source));
    assertEquals(0, source.fetches.get());
    service.clear();
    assertNull(service.peek(request));
    assertEquals("token-1-acme", service.get(request, source).secret());
  }

  @Test
  void shortLivedTokenIsReusedOnlyJustAfterItWasObtained() throws Exception {
    SettableClock clock = new SettableClock(T0);
    TokenService service = new TokenService(clock);
    TokenRequest request = request("acme");
    // shorter than the 5 min margin: the longest AWS would give (short role session), so reuse it briefly
    AuthorizationToken shortLived = new AuthorizationToken("short-lived", T0.plus(Duration.ofMinutes(4)));
    service.remember(request, shortLived);
    assertSame(shortLived, service.peek(request));
    clock.advance(Duration.ofSeconds(59));
    assertSame(shortLived, service.peek(request));
    clock.advance(Duration.ofSeconds(2));
    assertNull(service.peek(request), "a minute later: ask again");
  }

  @Test
  void shortLivedFetchesAreSharedByModulesAskingWithinAMinute() throws Exception {
    SettableClock clock = new SettableClock(T0);
    TokenService service = new TokenService(clock);
    CountingSource source = new CountingSource(clock, Duration.ofMinutes(4));
    TokenRequest request = request("acme");
    AuthorizationToken first = service.get(request, source);
    clock.advance(Duration.ofSeconds(30));
    assertSame(first, service.get(request, source));
    assertEquals(1, source.fetches.get());
    clock.advance(Duration.ofSeconds(31));
    assertEquals("token-2-acme", service.get(request, source).secret());
  }

  @Test
  void expiredTokenIsNeverHandedOut() throws Exception {
    SettableClock clock = new SettableClock(T0);
    TokenService service = new TokenService(clock);
    TokenRequest request = request("acme");
    service.remember(request, new AuthorizationToken("expired", T0));
    assertNull(service.peek(request));
  }

  @Test
  void sharedIsOneInstance() {
    assertSame(TokenService.shared(), TokenService.shared());
  }
}
