package dev.codeartifact.core.flow;

import dev.codeartifact.core.repository.RepositoryUrl;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which token each server id of the build gets: explicit {@code serverIds} take the configured
 * domain; without them, every repository whose URL is a CodeArtifact URL is discovered and gets the token
 * of the domain, owner and region its URL names. Explicit parameters win over what a URL says.
 */
public final class TokenPlanner {
  private TokenPlanner() {}

  /** A repository of the build as Maven sees it after mirroring: the id is the server id that counts. */
  public static final class Repository {
    final String id;
    final String url;

    public Repository(String id, String url) {
      this.id = id;
      this.url = url;
    }

    @Override
    public String toString() {
      return id + " (" + url + ")";
    }
  }

  /** The outcome: one entry per distinct token, each with the server ids it goes to, in a stable order. */
  public static final class Plan {
    private final Map<TokenRequest, Set<String>> tokens;
    private final String warning;

    Plan(Map<TokenRequest, Set<String>> tokens, String warning) {
      this.tokens = tokens;
      this.warning = warning;
    }

    /** One line for the user when the configuration and the build disagree, or null. */
    public String warning() {
      return warning;
    }

    public Map<TokenRequest, Set<String>> tokens() {
      return Collections.unmodifiableMap(tokens);
    }

    public boolean isEmpty() {
      return tokens.isEmpty();
    }
  }

  public static Plan plan(Parameters parameters, List<Repository> repositories) throws InvalidParameterException {
    TokenRequest.Builder template = parameters.template();
    Configuration config = parameters.configuration();
    Set<String> serverIds = parameters.serverIds();
    String domain = config.get(Configuration.DOMAIN);
    Map<TokenRequest, Set<String>> tokens = new LinkedHashMap<>();

    if (!serverIds.isEmpty()) {
      if (domain == null) {
        throw new InvalidParameterException(Configuration.SERVER_IDS, config.get(Configuration.SERVER_IDS),
            "serverIds needs codeartifact.domain too (the domain whose token those servers get)");
      }
      TokenRequest.Builder b = template.copy();
      // Region and owner not configured: take them from the first named server's URL of that domain.
      boolean fromUrl = false;
      for (String id : serverIds) {
        RepositoryUrl url = urlOf(id, repositories);
        if (!fromUrl && url != null && url.domain().equals(domain)) {
          if (config.get(Configuration.REGION) == null) {
            b.region(url.region());
          }
          if (config.get(Configuration.DOMAIN_OWNER) == null) {
            b.domainOwner(url.owner());
          }
          fromUrl = true;
        }
      }
      tokens.put(b.build(), new LinkedHashSet<>(serverIds));
      return new Plan(tokens, null);
    }

    for (Repository repo : repositories) {
      RepositoryUrl url = RepositoryUrl.parse(repo.url);
      if (url == null) {
        continue;
      }
      // Each discovered domain gets its own token; the configured owner applies only to the configured domain.
      TokenRequest.Builder b = template.copy();
      b.domain(url.domain());
      if (!url.domain().equals(domain) || config.get(Configuration.DOMAIN_OWNER) == null) {
        b.domainOwner(url.owner());
      }
      if (config.get(Configuration.REGION) == null) {
        b.region(url.region());
      }
      TokenRequest request = b.build();
      Set<String> ids = tokens.get(request);
      if (ids == null) {
        ids = new LinkedHashSet<>();
        tokens.put(request, ids);
      }
      ids.add(repo.id);
    }
    String warning = null;
    if (domain != null && !discoveredDomain(tokens, domain)) {
      warning = "codeartifact.domain is " + domain + " but no repository of the build has a CodeArtifact URL of"
          + " that domain: name the servers that should get its token with codeartifact.serverIds";
    }
    return new Plan(tokens, warning);
  }

  private static boolean discoveredDomain(Map<TokenRequest, Set<String>> tokens, String domain) {
    for (TokenRequest r : tokens.keySet()) {
      if (r.domain().equals(domain)) {
        return true;
      }
    }
    return false;
  }

  private static RepositoryUrl urlOf(String id, List<Repository> repositories) {
    for (Repository r : repositories) {
      if (r.id.equals(id)) {
        RepositoryUrl url = RepositoryUrl.parse(r.url);
        if (url != null) {
          return url;
        }
      }
    }
    return null;
  }
}
