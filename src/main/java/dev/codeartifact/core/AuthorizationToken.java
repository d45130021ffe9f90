package dev.codeartifact.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A CodeArtifact authorization token and its expiration. The secret is only reachable through
 * {@link #secret()}; {@link #toString()} never prints it, so logging this object is safe.
 */
public final class AuthorizationToken {
  private final String secret;
  private final Instant expiration;

  public AuthorizationToken(String secret, Instant expiration) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("authorization token is empty");
    }
    this.secret = secret;
    this.expiration = Objects.requireNonNull(expiration, "expiration");
  }

  /** The token itself: hand it only to Maven's authentication or to an output the user asked for. */
  public String secret() {
    return secret;
  }

  public Instant expiration() {
    return expiration;
  }

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
