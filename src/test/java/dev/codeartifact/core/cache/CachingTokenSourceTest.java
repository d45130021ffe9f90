package dev.codeartifact.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.flow.RecordingLog;
import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.core.token.TokenSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingTokenSourceTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Map<String, String> ENV = Collections.emptyMap();

  @TempDir Path tmp;
  Path home;
  Path dir;
  MutableClock clock;
  RecordingLog log;
  TokenRequest request;

  /** A fake AWS call: counts calls, optionally sleeps, returns a 12 h token numbered by call. */
  static final class CountingSource implements TokenSource {
    final AtomicInteger calls = new AtomicInteger();
    final Clock clock;
    final long sleepMillis;

    CountingSource(Clock clock, long sleepMillis) {
      this.clock = clock;
      this.sleepMillis = sleepMillis;
    }

    @Override
    public AuthorizationToken fetch(TokenRequest request) throws CodeArtifactException {
      int n = calls.incrementAndGet();
      if (sleepMillis > 0) {
        try {
          Thread.sleep(sleepMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CodeArtifactException("interrupted");
        }
      }
      return new AuthorizationToken("secret-token-" + n, clock.instant().plus(Duration.ofHours(12)));
    }
  }

  /** Counts how often the (expensive) real source is constructed. */
  static final class CountingFactory implements Supplier<TokenSource> {
    final AtomicInteger created = new AtomicInteger();
    final TokenSource source;

    CountingFactory(TokenSource source) {
      this.source = source;
    }

    @Override
    public TokenSource get() {
      created.incrementAndGet();
      return source;
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    home = tmp.resolve("home");
    dir = home.resolve(".m2/codeartifact-cache");
    clock = new MutableClock(T0);
    log = new RecordingLog();
    request = requestBuilder().build();
  }

  private static TokenRequest.Builder requestBuilder() throws Exception {
    return TokenRequest.builder().domain("acme").domainOwner("123456789012").region("us-east-1");
  }

  private CachingTokenSource source(Path cacheDir, Supplier<? extends TokenSource> factory, Duration lockTimeout) {
    final DiskTokenCache cache = new DiskTokenCache(cacheDir, clock, log.buildLog());
    return new CachingTokenSource(cache, r -> CacheKey.of(r, ENV, home), factory, lockTimeout);
  }

  @Test
  void hitNeverCreatesTheDelegate() throws Exception {
    CountingSource aws = new CountingSource(clock, 0);
    CountingFactory factory = new CountingFactory(aws);
    AuthorizationToken first = CachingTokenSource.create(new DiskTokenCache(dir, clock, log.buildLog()), ENV, home, factory)
        .fetch(request);
    assertEquals(1, aws.calls.get());
    assertEquals(1, factory.created.get());

    // a new build (new instance): the factory must not even be called
    Supplier<TokenSource> never = () -> {
      throw new AssertionError("delegate created on a cache hit");
    };
    AuthorizationToken second = source(dir, never, Duration.ofSeconds(1)).fetch(request);
    assertEquals(first, second);
    assertTrue(log.all().contains("from cache, expires 2026-01-01T12:00:00Z"), log.all());
    assertFalse(log.all().contains("secret-token"));
  }

  @Test
  void expiredOrWithinMarginIsRefreshed() throws Exception {
    CountingSource aws = new CountingSource(clock, 0);
    CachingTokenSource s = source(dir, new CountingFactory(aws), Duration.ofSeconds(1));
    assertEquals("secret-token-1", s.fetch(request).secret());
    clock.advance(Duration.ofHours(10));
    assertEquals("secret-token-1", s.fetch(request).secret());
    clock.advance(Duration.ofMinutes(61)); // 59 min left < 1 h margin
    assertEquals("secret-token-2", s.fetch(request).secret());
    assertEquals(2, aws.calls.get());
    // the refreshed token is on disk for the next build
    CachingTokenSource next = source(dir, new CountingFactory(aws), Duration.ofSeconds(1));
    assertEquals("secret-token-2", next.fetch(request).secret());
    clock.advance(Duration.ofHours(13)); // long expired
    assertEquals("secret-token-3", next.fetch(request).secret());
  }

  @Test
  void differentRequestsDifferentTokens() throws Exception {
    CountingSource aws = new CountingSource(clock, 0);
    CachingTokenSource s = source(dir, new CountingFactory(aws), Duration.ofSeconds(1));
    s.fetch(request);
    s.fetch(requestBuilder().domain("other").build());
    s.fetch(requestBuilder().durationSeconds("900").build());
    s.fetch(request);
    assertEquals(3, aws.calls.get());
  }

  @Test
  void forgetAndPurge() throws Exception {
    CountingSource aws = new CountingSource(clock, 0);
    CountingFactory factory = new CountingFactory(aws);
    source(dir, factory, Duration.ofSeconds(1)).fetch(request);
    // what the cache offers the rest of the plugin (a rejected token, the purge goal); the next build fetches
    DiskTokenCache cache = new DiskTokenCache(dir, clock, log.buildLog());
    assertNotNull(cache.forget("secret-token-1"));
    assertEquals("secret-token-2", source(dir, factory, Duration.ofSeconds(1)).fetch(request).secret());
    assertEquals(1, cache.purge());
    assertEquals("secret-token-3", source(dir, factory, Duration.ofSeconds(1)).fetch(request).secret());
  }

  @Test
  void delegateFailurePassesThroughAndCachesNothing() throws Exception {
    TokenSource failing = r -> {
      throw new CodeArtifactException("no credentials");
    };
    CachingTokenSource s = source(dir, () -> failing, Duration.ofSeconds(1));
    CodeArtifactException e = assertThrows(CodeArtifactException.class, () -> s.fetch(request));
    assertEquals("no credentials", e.getMessage());
    CountingSource aws = new CountingSource(clock, 0);
    assertEquals("secret-token-1", source(dir, new CountingFactory(aws), Duration.ofSeconds(1)).fetch(request).secret());
  }

  @Test
  void unusableCacheDirStillFetches() throws Exception {
    Files.createDirectories(dir.getParent());
    Files.write(dir, "a file, not a folder".getBytes(StandardCharsets.UTF_8));
    CountingSource aws = new CountingSource(clock, 0);
    CachingTokenSource s = source(dir, new CountingFactory(aws), Duration.ofSeconds(1));
    assertEquals("secret-token-1", s.fetch(request).secret());
    assertEquals("secret-token-1", s.fetch(request).secret(), "kept in memory for this build");
    assertEquals(1, aws.calls.get());
    assertEquals(1, log.warns().size(), log.all());
  }

  @Test
  void readOnlyCacheDirStillFetches() throws Exception {
    if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("r-x------"));
    try {
      CountingSource aws = new CountingSource(clock, 0);
      CachingTokenSource s = source(dir, new CountingFactory(aws), Duration.ofSeconds(1));
      assertEquals("secret-token-1", s.fetch(request).secret());
      if (!Files.isWritable(dir)) { // root ignores permissions
        assertEquals(1, log.warns().size(), log.all());
      }
    } finally {
      Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }
  }

  /**
   * {@code n} threads fetch at once, each through the source {@code sources} gives it (all made before any
   * thread starts); returns their secrets.
   */
  private List<String> fetchTogether(int n, Supplier<CachingTokenSource> sources) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<AuthorizationToken>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        CachingTokenSource s = sources.get();
        results.add(pool.submit(() -> {
          start.await();
          return s.fetch(request);
        }));
      }
      start.countDown();
      List<String> secrets = new ArrayList<>();
      for (Future<AuthorizationToken> f : results) {
        secrets.add(f.get(60, TimeUnit.SECONDS).secret());
      }
      return secrets;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void fiftyThreadsOneCall() throws Exception {
    CountingSource aws = new CountingSource(clock, 200);
    CountingFactory factory = new CountingFactory(aws);
    CachingTokenSource s = source(dir, factory, Duration.ofSeconds(30));
    List<String> secrets = fetchTogether(50, () -> s);
    assertEquals(1, aws.calls.get(), "one delegate call for 50 threads");
    assertEquals(1, factory.created.get());
    assertEquals(Collections.singleton("secret-token-1"), new HashSet<>(secrets));
    assertEquals(0, log.warns().size(), log.all());
  }

  @Test
  void fiftyThreadsSeparateInstancesOneCall() throws Exception {
    // like several plugin instances (class loaders) in one JVM, each with its own cache object
    CountingSource aws = new CountingSource(clock, 200);
    List<String> secrets = fetchTogether(50, () -> source(dir, new CountingFactory(aws), Duration.ofSeconds(30)));
    assertEquals(Collections.nCopies(50, "secret-token-1"), secrets);
    assertEquals(1, aws.calls.get());
  }

  @Test
  void lockHeldTooLongFetchesAnywayWithWarning() throws Exception {
    DiskTokenCache cache = new DiskTokenCache(dir, clock, log.buildLog());
    CacheKey key = CacheKey.of(request, ENV, home);
    CountingSource aws = new CountingSource(clock, 0);
    CachingTokenSource s = source(dir, new CountingFactory(aws), Duration.ofMillis(300));
    // held "by another process" (here: this JVM's file lock table, which the source cannot take either)
    try (DiskTokenCache.FileLockHandle held = cache.lockExclusive(key, Duration.ofSeconds(1))) {
      long t = System.nanoTime();
      assertEquals("secret-token-1", s.fetch(request).secret());
      assertTrue(System.nanoTime() - t >= Duration.ofMillis(300).toNanos());
    }
    assertEquals(1, log.warns().size(), log.all());
    assertTrue(log.all().contains("for more than 300 ms"), log.all());
    assertEquals("secret-token-1", source(dir, () -> {
      fail("cached");
      return null;
    }, Duration.ofSeconds(1)).fetch(request).secret(), "stored even without the lock");
  }

  @Test
  void tokenAlreadyWithinMarginIsReturnedButNotCached() throws Exception {
    TokenSource shortLived = r -> new AuthorizationToken("short", clock.instant().plus(Duration.ofMinutes(3)));
    CachingTokenSource s = source(dir, () -> shortLived, Duration.ofSeconds(1));
    assertEquals("short", s.fetch(request).secret());
    assertFalse(Files.exists(new DiskTokenCache(dir, clock, log.buildLog()).fileFor(CacheKey.of(request, ENV, home))));
  }

  @Test
  void toStringNeverShowsToken() throws Exception {
    DiskTokenCache cache = new DiskTokenCache(dir, clock, log.buildLog());
    CachingTokenSource s = new CachingTokenSource(cache, r -> CacheKey.of(r, ENV, home),
        new CountingFactory(new CountingSource(clock, 0)), Duration.ofSeconds(1));
    s.fetch(request);
    assertFalse(s.toString().contains("secret-token"));
    assertFalse(cache.toString().contains("secret-token"));
  }

  @Test
  void packageNeverReferencesTheAwsSdk() throws IOException {
    Path src = Paths.get("src/main/java/dev/codeartifact/core/cache");
    if (!Files.isDirectory(src)) {
      return; // not run from the project folder
    }
    try (Stream<Path> files = Files.list(src)) {
      files.forEach(f -> {
        try {
          String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
          assertFalse(text.contains("software.amazon"), f + " references the AWS SDK");
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
    }
  }

  @Test
  void aMemoryHitIsTheSameTokenMarkedAsCached() throws Exception {
    CachingTokenSource s = source(dir, new CountingFactory(new CountingSource(clock, 0)), Duration.ofSeconds(1));
    AuthorizationToken first = s.fetch(request);
    AuthorizationToken again = s.fetch(request);
    assertEquals(first, again);
    assertEquals(AuthorizationToken.Origin.DISK_CACHE, again.origin());
    assertEquals(clock.instant(), again.fetchedAt());
  }
}
