package dev.codeartifact.core.flow;

import dev.codeartifact.core.repository.RepositoryUrl;
import dev.codeartifact.core.settings.SettingsEditor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which {@code <server>} entries the {@code login} goal writes, and with which token.
 *
 * <ul>
 *   <li>{@code codeartifact.serverIds}: those ids get the token of {@code codeartifact.domain} (required
 *       then), with the configured owner and region.
 *   <li>{@code codeartifact.url}: each comma-separated CodeArtifact repository URL names its domain, owner
 *       and region. Its server ids are the ids of every known repository or mirror (the user's settings,
 *       the current project) whose URL points at the same CodeArtifact repository (scheme, case and
 *       trailing slash aside); when none does, {@code DOMAIN-REPOSITORY}.
 * </ul>
 * Duration, profile and endpoint come from the configuration in both cases.
 */
public final class LoginPlan {
  /** User property with the repository URLs. */
  public static final String URL = "codeartifact.url";

  private final Map<TokenRequest, Set<String>> tokens;
  private final Map<String, String> fallbackIds;

  private LoginPlan(Map<TokenRequest, Set<String>> tokens, Map<String, String> fallbackIds) {
    this.tokens = tokens;
    this.fallbackIds = fallbackIds;
  }

  /**
   * @param urls the {@code codeartifact.url} value, or null
   * @param known repositories and mirrors by the id Maven uses for them, matched against {@code urls}
   */
  public static LoginPlan plan(Parameters parameters, String urls, List<TokenPlanner.Repository> known)
      throws InvalidParameterException {
    TokenRequest.Builder template = parameters.template();
    Configuration config = parameters.configuration();
    Set<String> serverIds = parameters.serverIds();
    Map<TokenRequest, Set<String>> tokens = new LinkedHashMap<>();
    Map<String, String> fallbackIds = new LinkedHashMap<>();
    if (!serverIds.isEmpty()) {
      if (config.get(Configuration.DOMAIN) == null) {
        throw new InvalidParameterException(Configuration.SERVER_IDS, config.get(Configuration.SERVER_IDS),
            "serverIds needs codeartifact.domain too (the domain whose token those servers get)");
      }
      add(tokens, template.copy().build(), serverIds);
    }
    for (RepositoryUrl url : parseUrls(urls)) {
      TokenRequest request = template.copy()
          .domain(url.domain())
          .domainOwner(url.owner())
          .region(url.region())
          .build();
      Set<String> ids = new LinkedHashSet<>();
      for (TokenPlanner.Repository r : known) {
        if (url.equals(RepositoryUrl.parse(r.url)) && SettingsEditor.isValidServerId(r.id)) {
          ids.add(r.id);
        }
      }
      if (ids.isEmpty()) {
        String id = url.domain() + "-" + url.repository();
        ids.add(id);
        fallbackIds.put(id, url.domain() + "-" + url.owner() + " in " + url.region() + " repository " + url.repository());
      }
      add(tokens, request, ids);
    }
    return new LoginPlan(tokens, fallbackIds);
  }

  private static void add(Map<TokenRequest, Set<String>> tokens, TokenRequest request, Set<String> ids) {
    Set<String> all = tokens.get(request);
    if (all == null) {
      all = new LinkedHashSet<>();
      tokens.put(request, all);
    }
    // A server gets one token: the first that names it.
    for (String id : ids) {
      if (!isPlanned(tokens, id)) {
        all.add(id);
      }
    }
  }

  private static boolean isPlanned(Map<TokenRequest, Set<String>> tokens, String id) {
    for (Set<String> ids : tokens.values()) {
      if (ids.contains(id)) {
        return true;
      }
    }
    return false;
  }

  /** Parses the comma- or whitespace-separated CodeArtifact repository URLs; each must name a repository. */
  public static List<RepositoryUrl> parseUrls(String urls) throws InvalidParameterException {
    List<RepositoryUrl> result = new java.util.ArrayList<>();
    if (urls == null) {
      return result;
    }
    for (String u : urls.trim().split("[,\\s]+")) {
      if (u.isEmpty()) {
        continue;
      }
      RepositoryUrl url = RepositoryUrl.parse(u);
      if (url == null || url.repository() == null) {
        throw new InvalidParameterException(URL, u, "CodeArtifact repository URLs (comma-separated) such as"
            + " https://DOMAIN-OWNER.d.codeartifact.REGION.amazonaws.com/maven/REPOSITORY/");
      }
      if (!result.contains(url)) {
        result.add(url);
      }
    }
    return result;
  }

  /** One entry per distinct token, with the server ids it goes to. */
  public Map<TokenRequest, Set<String>> tokens() {
    return Collections.unmodifiableMap(tokens);
  }

  /** Every server id of the plan, in order. */
  public Set<String> serverIds() {
    Set<String> all = new LinkedHashSet<>();
    for (Set<String> ids : tokens.values()) {
      all.addAll(ids);
    }
    return all;
  }

  /** Ids made up as {@code DOMAIN-REPOSITORY} because no known repository has the URL, with what they stand for. */
  public Map<String, String> fallbackIds() {
    return Collections.unmodifiableMap(fallbackIds);
  }

  public boolean isEmpty() {
    return tokens.isEmpty();
  }
}
