package dev.codeartifact.maven.credentials;

import dev.codeartifact.core.token.AuthorizationToken;
import java.util.Map;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.AuthenticationDigest;

/**
 * Resolver authentication "user aws, password = token". Implements the resolver API interface directly
 * because {@code AuthenticationBuilder} (resolver-util) is not visible to plugin realms on Maven 3.6/3.8.
 */
final class TokenAuthentication implements Authentication {
  static final String USERNAME = "aws";

  private final AuthorizationToken token;

  TokenAuthentication(AuthorizationToken token) {
    this.token = token;
  }

  @Override
  public void fill(AuthenticationContext context, String key, Map<String, String> data) {
    context.put(AuthenticationContext.USERNAME, USERNAME);
    // A fresh char[] each time: the context wipes it when closed.
    context.put(AuthenticationContext.PASSWORD, token.secret().toCharArray());
  }

  @Override
  public void digest(AuthenticationDigest digest) {
    digest.update(AuthenticationContext.USERNAME, USERNAME, AuthenticationContext.PASSWORD);
    digest.update(token.secret().toCharArray());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TokenAuthentication && ((TokenAuthentication) o).token.equals(token);
  }

  @Override
  public int hashCode() {
    return token.hashCode();
  }

  @Override
  public String toString() {
    return "username=" + USERNAME + ", password=***";
  }
}
