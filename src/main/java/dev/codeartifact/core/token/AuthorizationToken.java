package dev.codeartifact.core.token;

import java.time.Instant;
import java.util.Objects;

/**
 * A CodeArtifact authorization token, its expiration, and where it came from (for the user's INFO line and
 * the margin rule). The secret is only reachable through {@link #secret()}; {@link #toString()} never
 * prints it, so logging this object is safe.
 */
public final class AuthorizationToken {
  /** Where a token came from, as the INFO line names it. */
  public enum Origin {
    AWS("from AWS"),
    DISK_CACHE("from the disk cache"),
    ENVIRONMENT("from CODEARTIFACT_AUTH_TOKEN"),
    UNKNOWN("");

    private final String words;

    Origin(String words) {
      this.words = words;
    }

    /** "from AWS", ..., empty for UNKNOWN. */
    public String words() {
      return words;
    }
  }

  private final String secret;
  private final Instant expiration;
  private final Origin origin;
  private final Instant fetchedAt;

  public AuthorizationToken(String secret, Instant expiration) {
    this(secret, expiration, Origin.UNKNOWN, null);
  }

  private AuthorizationToken(String secret, Instant expiration, Origin origin, Instant fetchedAt) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("authorization token is empty");
    }
    this.secret = secret;
    this.expiration = Objects.requireNonNull(expiration, "expiration");
    this.origin = Objects.requireNonNull(origin, "origin");
    this.fetchedAt = fetchedAt;
  }

  /** This token as obtained from {@code origin} at {@code fetchedAt} (null when unknown: the margin's floor). */
  public AuthorizationToken from(Origin origin, Instant fetchedAt) {
    return new AuthorizationToken(secret, expiration, origin, fetchedAt);
  }

  public Origin origin() {
    return origin;
  }

  /** When AWS issued it, as far as known (fixes its {@link ExpiryMargin}); null when unknown. */
  public Instant fetchedAt() {
    return fetchedAt;
  }

  /** The one rule for "still usable" ({@link ExpiryMargin#usable}). */
  public boolean isUsableAt(Instant now) {
    return ExpiryMargin.usable(fetchedAt, expiration, now);
  }

  /** The token itself: hand it only to Maven's authentication or to an output the user asked for. */
  public String secret() {
    return secret;
  }

  public Instant expiration() {
    return expiration;
  }

  /** Equal when secret and expiration are: origin and fetch time only describe how it was obtained. */
  @Override
  public boolean equals(Object o) {
    return o instanceof AuthorizationToken
        && ((AuthorizationToken) o).secret.equals(secret)
        && ((AuthorizationToken) o).expiration.equals(expiration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(secret, expiration);
  }

  @Override
  public String toString() {
    return "AuthorizationToken[****, expires " + expiration + "]";
  }
}
