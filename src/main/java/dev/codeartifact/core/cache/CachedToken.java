package dev.codeartifact.core.cache;

import dev.codeartifact.core.AuthorizationToken;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A token with the instant it was fetched, which fixes its total lifetime and so its reuse margin.
 *
 * <h2>Margin rule</h2>
 *
 * A cached token is reused only while {@code expiration - now >= margin}, where
 *
 * <pre>
 *   lifetime = expiration - fetchedAt          (as recorded when the token was fetched)
 *   margin   = clamp(lifetime / 4, 5 min, 60 min)
 * </pre>
 *
 * So a 12 h token (the service default) is reused until 1 h before it expires; a 4 h token until 1 h
 * before; a 2 h token until 30 min before; a 15 min token (the shortest a caller can ask for) until 5 min
 * before. A lifetime that is zero or negative (clock skew) gets the 5 min floor. The floor keeps a token
 * from expiring in the middle of a build's downloads; the quarter makes short tokens refresh early
 * enough; the 1 h cap lets long tokens serve most of their life.
 */
public final class CachedToken {
  public static final Duration MIN_MARGIN = Duration.ofMinutes(5);
  public static final Duration MAX_MARGIN = Duration.ofMinutes(60);

  private final AuthorizationToken token;
  private final Instant fetchedAt;

  public CachedToken(AuthorizationToken token, Instant fetchedAt) {
    this.token = Objects.requireNonNull(token, "token");
    this.fetchedAt = Objects.requireNonNull(fetchedAt, "fetchedAt");
  }

  /** The reuse margin of a token fetched at {@code fetchedAt} that expires at {@code expiration}. */
  public static Duration marginFor(Instant fetchedAt, Instant expiration) {
    Duration quarter = Duration.between(fetchedAt, expiration).dividedBy(4);
    if (quarter.compareTo(MIN_MARGIN) < 0) {
      return MIN_MARGIN;
    }
    if (quarter.compareTo(MAX_MARGIN) > 0) {
      return MAX_MARGIN;
    }
    return quarter;
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
    return marginFor(fetchedAt, token.expiration());
  }

  /** True while at least {@link #margin()} of life is left at {@code now}. */
  public boolean isUsableAt(Instant now) {
    return !now.plus(margin()).isAfter(token.expiration());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CachedToken
        && ((CachedToken) o).token.equals(token)
        && ((CachedToken) o).fetchedAt.equals(fetchedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(token, fetchedAt);
  }

  @Override
  public String toString() {
    return "CachedToken[****, fetched " + fetchedAt + ", expires " + token.expiration() + "]";
  }
}
