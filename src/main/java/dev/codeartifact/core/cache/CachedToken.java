package dev.codeartifact.core.cache;

import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.core.token.ExpiryMargin;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A token with the instant it was fetched, which fixes its total lifetime and so its reuse margin
 * ({@link ExpiryMargin}, the one rule for "still usable").
 */
public final class CachedToken {
  private final AuthorizationToken token;
  private final Instant fetchedAt;

  public CachedToken(AuthorizationToken token, Instant fetchedAt) {
    this.token = Objects.requireNonNull(token, "token");
    this.fetchedAt = Objects.requireNonNull(fetchedAt, "fetchedAt");
  }

  public AuthorizationToken token() {
    return token;
  }

  public Instant fetchedAt() {
    return fetchedAt;
  }

  public Instant expiration() {
    return token.expiration();
  }

  public Duration margin() {
    return ExpiryMargin.of(fetchedAt, token.expiration());
  }

  /** True while at least {@link #margin()} of life is left at {@code now} ({@link ExpiryMargin#usable}). */
  public boolean isUsableAt(Instant now) {
    return ExpiryMargin.usable(fetchedAt, token.expiration(), now);
  }

  @Override
  public String toString() {
    return "CachedToken[****, fetched " + fetchedAt + ", expires " + token.expiration() + "]";
  }
}
