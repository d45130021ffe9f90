package dev.codeartifact.core.cache;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.core.token.ExpiryMargin;
import dev.codeartifact.core.token.TokenSource;
import dev.codeartifact.core.util.Durations;
import dev.codeartifact.core.util.IsoInstants;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link TokenSource} that answers from a {@link DiskTokenCache} (and an in-memory copy) and calls its
 * delegate (the real AWS call) only when no cached token is usable by the {@linkplain
 * dev.codeartifact.core.token.ExpiryMargin margin rule}. The delegate is created on first need, so a cache hit never loads the AWS SDK.
 *
 * <h2>Flow of {@link #fetch}</h2>
 *
 * <ol>
 *   <li>memory, then the cache file: usable? return it (debug "from cache, expires ...").
 *   <li>take this JVM's lock of the key (threads queue here), look again;
 *   <li>take the inter-process lock ({@link java.nio.channels.FileChannel#tryLock()} on
 *       {@code <keyhash>.lock} in the cache folder, polled for up to the lock timeout, 30 s by default),
 *       look again: another build may have just fetched;
 *   <li>fetch from the delegate, store, release both locks.
 * </ol>
 *
 * So concurrent builds (processes or threads) with an empty cache make one delegate call between them.
 * {@link java.nio.channels.FileLock}s belong to the whole JVM, so threads of one JVM first queue on a
 * per-key {@link ReentrantLock} (shared by every instance loaded by the same class loader, keyed by the
 * lock file path); an instance from another class loader of the same JVM sees
 * {@link java.nio.channels.OverlappingFileLockException}, which counts as "held elsewhere", and waits too.
 * When a lock cannot be had within the timeout, or the file system does not support locking, or the
 * folder is unusable, a WARN is logged and the token is fetched without the lock; cache trouble never
 * fails a build. Failures of the delegate itself (a {@link CodeArtifactException}) are passed on as is.
 */
public final class CachingTokenSource implements TokenSource {
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

  private final DiskTokenCache cache;
  private final Function<TokenRequest, CacheKey> keys;
  private final Supplier<? extends TokenSource> delegateFactory;
  private final Duration lockTimeout;
  private final ConcurrentHashMap<CacheKey, CachedToken> memory = new ConcurrentHashMap<CacheKey, CachedToken>();
  private final Object delegateGuard = new Object();
  private volatile TokenSource delegate;

  /**
   * @param cache where tokens are kept
   * @param keys the key of a request; normally {@code r -> CacheKey.of(r, env, userHome)}
   * @param delegate creates the real source; called at most once, and only on a cache miss
   * @param lockTimeout how long to wait for another build's fetch before fetching anyway
   */
  public CachingTokenSource(DiskTokenCache cache, Function<TokenRequest, CacheKey> keys,
      Supplier<? extends TokenSource> delegate, Duration lockTimeout) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.delegateFactory = Objects.requireNonNull(delegate, "delegate");
    this.lockTimeout = lockTimeout == null || lockTimeout.isNegative() ? Duration.ZERO : lockTimeout;
  }

  /** Keys derived by {@link CacheKey#of} from {@code env} and {@code userHome}; 30 s lock timeout. */
  public static CachingTokenSource create(DiskTokenCache cache, final Map<String, String> env,
      final Path userHome, Supplier<? extends TokenSource> delegate) {
    return new CachingTokenSource(cache, new Function<TokenRequest, CacheKey>() {
      @Override
      public CacheKey apply(TokenRequest r) {
        return CacheKey.of(r, env, userHome);
      }
    }, delegate, DEFAULT_LOCK_TIMEOUT);
  }

  @Override
  public AuthorizationToken fetch(TokenRequest request) throws CodeArtifactException {
    CacheKey key = keys.apply(request);
    AuthorizationToken hit = cached(key, request);
    if (hit != null) {
      return hit;
    }
    ReentrantLock jvmLock = cache.jvmLock(key);
    long deadline = System.nanoTime() + lockTimeout.toNanos();
    boolean jvmLocked;
    try {
      jvmLocked = jvmLock.tryLock(lockTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CodeArtifactException("Interrupted while waiting for another thread to fetch the CodeArtifact"
          + " token for " + request.describe(), e);
    }
    if (!jvmLocked) {
      cache.log().warn("Another thread of this build has been fetching the CodeArtifact token for "
          + request.describe() + " for more than " + Durations.seconds(lockTimeout) + "; fetching without waiting");
      return fetchAndStore(key, request);
    }
    try {
      hit = cached(key, request);
      if (hit != null) {
        return hit;
      }
      DiskTokenCache.FileLockHandle fileLock;
      try {
        fileLock = cache.lockExclusive(key, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CodeArtifactException("Interrupted while waiting for another build to fetch the CodeArtifact"
            + " token for " + request.describe(), e);
      } catch (IOException | RuntimeException e) {
        cache.failure("lock " + cache.lockFileFor(key).getFileName(), e);
        return fetchAndStore(key, request);
      }
      if (fileLock == null) {
        cache.log().warn("Another build has held the CodeArtifact token cache lock for " + request.describe()
            + " for more than " + Durations.seconds(lockTimeout) + "; fetching a token without waiting");
        return fetchAndStore(key, request);
      }
      try {
        hit = cached(key, request);
        if (hit != null) {
          return hit;
        }
        return fetchAndStore(key, request);
      } finally {
        fileLock.close();
      }
    } finally {
      jvmLock.unlock();
    }
  }

  private AuthorizationToken cached(CacheKey key, TokenRequest request) {
    java.time.Instant now = cache.clock().instant();
    CachedToken entry = memory.get(key);
    if (entry != null && !entry.isUsableAt(now)) {
      memory.remove(key, entry);
      entry = null;
    }
    if (entry == null) {
      CachedToken onDisk = cache.read(key);
      if (onDisk != null) {
        if (!onDisk.isUsableAt(now)) {
          cache.log().debug("Cached CodeArtifact token for " + request.describe() + " expires "
              + IsoInstants.seconds(onDisk.expiration()) + ", within its " + onDisk.margin().toMinutes()
              + " min margin; refreshing");
          return null;
        }
        memory.put(key, onDisk);
        entry = onDisk;
      }
    }
    if (entry == null) {
      return null;
    }
    cache.log().debug("CodeArtifact token for " + request.describe() + " from cache, expires "
        + IsoInstants.seconds(entry.expiration()));
    return entry.token().from(AuthorizationToken.Origin.DISK_CACHE, entry.fetchedAt());
  }

  private AuthorizationToken fetchAndStore(CacheKey key, TokenRequest request) throws CodeArtifactException {
    AuthorizationToken token = delegate().fetch(request);
    if (token == null) {
      throw new CodeArtifactException(CodeArtifactException.Kind.NOT_A_TOKEN,
          "No CodeArtifact token was returned for " + request.describe());
    }
    CachedToken entry = new CachedToken(token,
        token.fetchedAt() != null ? token.fetchedAt() : cache.clock().instant());
    if (ExpiryMargin.keepsMargin(entry.fetchedAt(), entry.expiration(), entry.fetchedAt())) {
      memory.put(key, entry);
      cache.store(key, entry);
    } else {
      cache.log().debug("Not caching the CodeArtifact token for " + request.describe() + ": it expires "
          + token.expiration() + ", within its reuse margin");
    }
    return token;
  }

  private TokenSource delegate() {
    TokenSource d = delegate;
    if (d == null) {
      synchronized (delegateGuard) {
        d = delegate;
        if (d == null) {
          d = Objects.requireNonNull(delegateFactory.get(), "token source factory returned null");
          delegate = d;
        }
      }
    }
    return d;
  }

  @Override
  public String toString() {
    return "CachingTokenSource[" + cache + "]";
  }
}
