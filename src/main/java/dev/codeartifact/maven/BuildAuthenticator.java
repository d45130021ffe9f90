package dev.codeartifact.maven;

import dev.codeartifact.core.AuthorizationToken;
import dev.codeartifact.core.BuildLog;
import dev.codeartifact.core.CodeArtifactException;
import dev.codeartifact.core.Configuration;
import dev.codeartifact.core.Durations;
import dev.codeartifact.core.ExpiryMargin;
import dev.codeartifact.core.InvalidParameterException;
import dev.codeartifact.core.IsoInstants;
import dev.codeartifact.core.NetworkSettings;
import dev.codeartifact.core.TokenPlanner;
import dev.codeartifact.core.TokenRequest;
import dev.codeartifact.core.TokenService;
import dev.codeartifact.core.TokenSource;
import dev.codeartifact.core.TokenSources;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Server;

/**
 * The one flow behind the goal and the build-extension participant: configuration and the build's
 * repositories in, a token per distinct domain out, applied to every copy of the credentials.
 */
final class BuildAuthenticator {
  /** Where the token source of a build comes from; a seam for tests, {@link TokenSources} otherwise. */
  interface SourceFactory {
    TokenSource forBuild(Configuration config, NetworkSettings network, BuildLog log)
        throws InvalidParameterException;
  }

  private final BuildLog log;
  private final SourceFactory sources;

  BuildAuthenticator(BuildLog log) {
    this(log, TokenSources::forBuild);
  }

  BuildAuthenticator(BuildLog log, SourceFactory sources) {
    this.log = log;
    this.sources = sources;
  }

  /** What happened, for callers that word their own summary (and for tests). */
  static final class Outcome {
    final Map<String, AuthorizationToken> applied = new LinkedHashMap<>();
    boolean nothingFound;
  }

  Outcome authenticate(MavenSession session, Configuration config) throws CodeArtifactException {
    Outcome outcome = new Outcome();
    NetworkSettings network = validate(config, session.getRequest());
    boolean failOnError = config.bool(Configuration.FAIL_ON_ERROR, true);
    Set<String> explicitIds = config.serverIds();
    TokenPlanner.Plan plan = TokenPlanner.plan(config, BuildRepositories.of(session));
    if (plan.warning() != null) {
      log.warn(plan.warning());
    }
    if (plan.isEmpty()) {
      outcome.nothingFound = true;
      return outcome;
    }
    if (session.isOffline()) {
      if (AppliedTokens.firstInBuild(session.getRequest(), OFFLINE)) {
        log.warn(OFFLINE);
      }
      return outcome;
    }
    TokenSource source = sources.forBuild(config, network, log);
    for (Map.Entry<TokenRequest, Set<String>> e : plan.tokens().entrySet()) {
      TokenRequest request = e.getKey();
      List<String> ids = targets(session.getRequest(), e.getValue(), explicitIds, log);
      if (ids.isEmpty()) {
        continue;
      }
      AuthorizationToken token = TokenService.shared().peek(request);
      if (token == null) {
        // Another realm of this build (core extension, build extension) may already have applied one.
        token = AppliedTokens.lookup(session.getRequest(), request, ids);
        // The notes keep no fetch time, so the rule applies its floor (ExpiryMargin.MIN).
        if (token != null && ExpiryMargin.usable(null, token.expiration(), Instant.now())) {
          TokenService.shared().remember(request, token);
          log.debug("CodeArtifact token for " + request.describe() + " already applied to " + ids);
        }
      }
      boolean alreadyApplied = token != null && allCarry(session, ids, token);
      if (token == null && !failOnError && AppliedTokens.seenInBuild(session.getRequest(), failed(request))) {
        log.debug("CodeArtifact token for " + request.describe() + " already failed in this build: not asking again");
        continue;
      }
      try {
        token = TokenService.shared().get(request, source);
      } catch (CodeArtifactException ex) {
        if (failOnError) {
          throw ex;
        }
        tolerated(session.getRequest(), request, ex, ids, log);
        continue;
      }
      if (alreadyApplied && allCarry(session, ids, token)) {
        continue;
      }
      Map<String, AuthorizationToken> byId = new LinkedHashMap<>();
      for (String id : ids) {
        byId.put(id, token);
      }
      MavenCredentials.apply(session, byId, log);
      AppliedTokens.record(request, ids, token);
      outcome.applied.putAll(byId);
      log.info(appliedLine(request, ids, token));
    }
    return outcome;
  }

  /**
   * Validates every value of {@code config} before anything looks at the network or the build, and
   * returns the network settings (read once: they may read a CA bundle file). Shared by every entry point.
   */
  static NetworkSettings validate(Configuration config, MavenExecutionRequest request)
      throws InvalidParameterException {
    config.tokenRequestTemplate();
    NetworkSettings network = MavenNetwork.settings(config, request);
    config.bool(Configuration.FAIL_ON_ERROR, true);
    config.bool(Configuration.CACHE, true);
    config.bool(Configuration.TOKEN_FROM_ENVIRONMENT, false);
    return network;
  }

  /**
   * The servers of one token that get it: named in serverIds, or without a password of the user's own
   * (set in settings.xml, maybe from an environment variable; an unresolved {@code ${...}} counts as unset).
   */
  static List<String> targets(MavenExecutionRequest request, Set<String> servers, Set<String> explicitIds,
      BuildLog log) {
    List<String> ids = new ArrayList<>();
    for (String id : servers) {
      if (explicitIds.contains(id) || !hasUserPassword(request, id, log)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * The rule shared with the core extension; the INFO line appears once per build even when several
   * entry points (core extension, build extension, goal) meet the same server.
   */
  static boolean hasUserPassword(MavenExecutionRequest request, String id, BuildLog log) {
    Server server = AppliedTokens.server(request, id);
    if (server == null || server.getPassword() == null || server.getPassword().isEmpty()
        || server.getPassword().contains("${") || AppliedTokens.isOurs(server)) {
      return false;
    }
    if (AppliedTokens.firstInBuild(request, "kept " + id)) {
      log.info("Server " + id + " has a password in settings.xml: keeping it instead of a CodeArtifact token"
          + " (name it in codeartifact.serverIds to use the token)");
    }
    return true;
  }

  static final String OFFLINE =
      "Offline build (-o): not requesting a CodeArtifact token; repositories that need one will fail";

  static String failed(TokenRequest request) {
    return "failed " + request;
  }

  /** codeartifact.failOnError=false: one WARN per build and token, whichever entry point met the failure. */
  static void tolerated(MavenExecutionRequest build, TokenRequest request, CodeArtifactException ex,
      List<String> ids, BuildLog log) {
    if (AppliedTokens.firstInBuild(build, failed(request))) {
      log.warn(ex.getMessage() + " (codeartifact.failOnError=false: going on without a token for "
          + String.join(", ", ids) + ")");
    }
  }

  /** The INFO line every entry point prints after applying a token (never the token). */
  static String appliedLine(TokenRequest request, List<String> ids, AuthorizationToken token) {
    return "CodeArtifact token for " + request.describe() + " applied to " + String.join(", ", ids)
        + "; expires " + IsoInstants.seconds(token.expiration()) + " (in "
        + Durations.hoursMinutes(Duration.between(Instant.now(), token.expiration())) + ")";
  }

  private static boolean allCarry(MavenSession session, List<String> ids, AuthorizationToken token) {
    for (String id : ids) {
      Server s = AppliedTokens.server(session.getRequest(), id);
      if (s == null || !token.secret().equals(s.getPassword())) {
        return false;
      }
    }
    return true;
  }
}
