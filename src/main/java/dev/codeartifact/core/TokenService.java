package dev.codeartifact.core;

import dev.codeartifact.core.cache.CachedToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token per distinct request per build, however many modules, threads ({@code -T}) and entry points
 * ask. Shared by everything loaded from this plugin's class realm; a memoised token is handed out again
 * only while it keeps the margin, so a long build (or a daemon reusing the realm) renews it in time.
 */
public final class TokenService {
  /** How long a token just fetched is handed out again even when it is shorter than its margin. */
  private static final Duration FRESH = Duration.ofSeconds(60);

  private static final TokenService SHARED = new TokenService(Clock.systemUTC());

  private final Clock clock;
  private final Map<TokenRequest, CachedToken> memo = new ConcurrentHashMap<>();
  private final Map<TokenRequest, Object> locks = new ConcurrentHashMap<>();

  TokenService(Clock clock) {
    this.clock = clock;
  }

  public static TokenService shared() {
    return SHARED;
  }

  /** Returns the memoised token for {@code request} while it is {@linkplain ExpiryMargin usable}, else null. */
  public AuthorizationToken peek(TokenRequest request) {
    CachedToken t = memo.get(request);
    if (t == null) {
      return null;
    }
    Instant now = clock.instant();
    if (t.isUsableAt(now)) {
      return t.token();
    }
    // Looser on purpose: a token fetched under FRESH ago is the longest AWS gives, so unexpired is enough.
    boolean fresh = t.fetchedAt().plus(FRESH).isAfter(now) && !ExpiryMargin.expired(t.expiration(), now);
    return fresh ? t.token() : null;
  }

  /** Remembers a token obtained elsewhere (another class realm of the same build). */
  public void remember(TokenRequest request, AuthorizationToken token) {
    memo.put(request, new CachedToken(token, clock.instant()));
  }

  /**
   * The token for {@code request}: memoised, or fetched from {@code source} by exactly one thread while
   * the others for the same request wait. Failures are not memoised.
   */
  public AuthorizationToken get(TokenRequest request, TokenSource source) throws CodeArtifactException {
    AuthorizationToken t = peek(request);
    if (t != null) {
      return t;
    }
    Object lock = locks.computeIfAbsent(request, r -> new Object());
    synchronized (lock) {
      t = peek(request);
      if (t == null) {
        t = source.fetch(request);
        memo.put(request, new CachedToken(t, clock.instant()));
      }
      return t;
    }
  }

  /** Forgets everything (purge goal, tests). */
  public void clear() {
    memo.clear();
  }
}
