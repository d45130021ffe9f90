package dev.codeartifact.core.flow;

import dev.codeartifact.core.network.ProxySettings;
import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.core.token.TokenSource;
import dev.codeartifact.core.token.TokenSources;
import dev.codeartifact.core.util.Durations;
import dev.codeartifact.core.util.IsoInstants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one flow behind every entry point: parameters in, then plan (which server gets which token), then for
 * each token reuse what this build already applied or ask the token source (environment, disk cache, AWS),
 * then hand it to the build's credentials writer. The goal, the build extension and the core extension call
 * {@link #authenticate}; {@code token} and {@code login}, which write no credentials into a build, call
 * {@link #fetch}. Each entry point turns the {@link Outcome} into its own terms (a failed mojo, a stopped
 * build, a line on standard output).
 */
public final class TokenFlow {
  /** The build the flow serves, as its entry point sees it. */
  public interface Build {
    /** This build's notes, shared by every entry point of the build. */
    BuildNotes notes();

    boolean isOffline();

    /** The password of the {@code <server>} with this id, or null when there is none. */
    String password(String serverId);

    /** Writes {@code token} into every copy of the credentials of {@code serverIds}. */
    void apply(List<String> serverIds, AuthorizationToken token);
  }

  /** Where a build's token source comes from: {@link TokenSources#forBuild} outside tests. */
  public interface Sources {
    TokenSource forBuild(Parameters parameters, BuildLog log);
  }

  /** What the flow did: tokens applied or fetched, nothing to do and why, or the failure. */
  public static final class Outcome {
    /** How the flow ended. */
    public enum Status {
      /** Tokens were applied or fetched (maybe none, when every server already carried one). */
      DONE,
      /** {@code codeartifact.skip}. */
      SKIPPED,
      /** No CodeArtifact repository in the build and no {@code serverIds}. */
      NOTHING_FOUND,
      /** Offline build: no token asked for. */
      OFFLINE,
      /** A token could not be had and {@code failOnError} is on, or a parameter is invalid. */
      FAILED
    }

    private final Status status;
    private final CodeArtifactException failure;
    final Map<String, AuthorizationToken> applied = new LinkedHashMap<>();
    final Map<TokenRequest, AuthorizationToken> tokens = new LinkedHashMap<>();
    final Map<TokenRequest, CodeArtifactException> tolerated = new LinkedHashMap<>();

    private Outcome(Status status, CodeArtifactException failure) {
      this.status = status;
      this.failure = failure;
    }

    static Outcome failed(CodeArtifactException e) {
      return new Outcome(Status.FAILED, e);
    }

    public Status status() {
      return status;
    }

    /** The failure (its {@link CodeArtifactException#getMessage()} is the user's line), or null. */
    public CodeArtifactException failure() {
      return failure;
    }

    /** Server id to the token applied to it by this call. */
    public Map<String, AuthorizationToken> applied() {
      return Collections.unmodifiableMap(applied);
    }

    /** Token per request, for {@link #fetch}. */
    public Map<TokenRequest, AuthorizationToken> tokens() {
      return Collections.unmodifiableMap(tokens);
    }

    /** Failures let pass because {@code failOnError} is off. */
    public Map<TokenRequest, CodeArtifactException> tolerated() {
      return Collections.unmodifiableMap(tolerated);
    }
  }

  /** Planning input that may fail on a parameter (login's URLs). */
  public interface Planner {
    Map<TokenRequest, Set<String>> plan(Parameters parameters) throws InvalidParameterException;
  }

  static final String OFFLINE =
      "Offline build (-o): not requesting a CodeArtifact token; repositories that need one will fail";

  private final BuildLog log;
  private final Sources sources;
  private final Clock clock;

  public TokenFlow(BuildLog log) {
    this(log, TokenSources::forBuild, Clock.systemUTC());
  }

  public TokenFlow(BuildLog log, Sources sources, Clock clock) {
    this.log = log;
    this.sources = sources;
    this.clock = clock;
  }

  /**
   * Authenticates {@code build}: parameters from {@code config} (with Maven's active {@code proxies}), the
   * candidates for discovery from {@code repositories} (asked only when not skipped), one token per distinct
   * request, applied to its servers.
   */
  public Outcome authenticate(Configuration config, List<ProxySettings> proxies,
      RepositoryView repositories, Build build) {
    BuildNotes notes = build.notes();
    try {
      Parameters parameters = Parameters.parse(config, proxies);
      if (parameters.skip()) {
        return new Outcome(Outcome.Status.SKIPPED, null);
      }
      warnUnresolved(config, notes);
      TokenPlanner.Plan plan = TokenPlanner.plan(parameters, repositories.repositories());
      if (plan.warning() != null && notes.firstTime(plan.warning())) {
        log.warn(plan.warning());
      }
      if (plan.isEmpty()) {
        return new Outcome(Outcome.Status.NOTHING_FOUND, null);
      }
      if (build.isOffline()) {
        if (notes.firstTime(OFFLINE)) {
          log.warn(OFFLINE);
        }
        return new Outcome(Outcome.Status.OFFLINE, null);
      }
      Outcome outcome = new Outcome(Outcome.Status.DONE, null);
      Lazy source = new Lazy(parameters);
      for (Map.Entry<TokenRequest, Set<String>> e : plan.tokens().entrySet()) {
        List<String> ids = targets(e.getValue(), parameters.serverIds(), build);
        if (!ids.isEmpty()) {
          apply(e.getKey(), ids, parameters, source, build, outcome);
        }
      }
      return outcome;
    } catch (CodeArtifactException e) {
      return Outcome.failed(e);
    }
  }

  private void apply(TokenRequest request, List<String> ids, Parameters parameters, Lazy source, Build build,
      Outcome outcome) throws CodeArtifactException {
    BuildNotes notes = build.notes();
    synchronized (notes.lock()) {
      Instant now = clock.instant();
      AuthorizationToken token = notes.applied(request, ids, build::password, now);
      if (token != null && allCarry(ids, token, build)) {
        log.debug("CodeArtifact token for " + request.describe() + " already applied to " + ids);
        return;
      }
      if (token == null && !parameters.failOnError() && notes.seen(failed(request))) {
        log.debug("CodeArtifact token for " + request.describe() + " already failed in this build: not asking again");
        return;
      }
      if (token == null) {
        try {
          token = source.get().fetch(request);
        } catch (CodeArtifactException ex) {
          if (parameters.failOnError()) {
            throw ex;
          }
          outcome.tolerated.put(request, ex);
          if (notes.firstTime(failed(request))) {
            log.warn(ex.getMessage() + " (codeartifact.failOnError=false: going on without a token for "
                + String.join(", ", ids) + ")");
          }
          return;
        }
      }
      build.apply(ids, token);
      notes.applied(request, ids, token);
      for (String id : ids) {
        outcome.applied.put(id, token);
      }
      outcome.tokens.put(request, token);
      log.info(appliedLine(request, ids, token, now));
    }
  }

  /**
   * The tokens {@code planner} asks for, for {@code token} and {@code login}: the same parameters, offline
   * rule and sources as {@link #authenticate}, nothing written into a build. A failure with
   * {@code failOnError} off lands in {@link Outcome#tolerated()}, worded by the caller.
   */
  public Outcome fetch(Parameters parameters, Planner planner, boolean offline) {
    try {
      Map<TokenRequest, Set<String>> wanted = planner.plan(parameters);
      if (offline) {
        return new Outcome(Outcome.Status.OFFLINE, null);
      }
      Outcome outcome = new Outcome(wanted.isEmpty() ? Outcome.Status.NOTHING_FOUND : Outcome.Status.DONE, null);
      Lazy source = new Lazy(parameters);
      for (TokenRequest request : wanted.keySet()) {
        try {
          outcome.tokens.put(request, source.get().fetch(request));
        } catch (CodeArtifactException e) {
          if (parameters.failOnError()) {
            throw e;
          }
          outcome.tolerated.put(request, e);
        }
      }
      return outcome;
    } catch (CodeArtifactException e) {
      return Outcome.failed(e);
    }
  }

  /**
   * The servers of one token that get it: named in serverIds, or without a password of the user's own
   * (set in settings.xml, maybe from an environment variable; an unresolved {@code ${...}} counts as unset).
   * The INFO line about a kept password appears once per build, whichever entry point meets it.
   */
  private List<String> targets(Set<String> servers, Set<String> explicitIds, Build build) {
    List<String> ids = new ArrayList<>();
    for (String id : servers) {
      String password = build.password(id);
      boolean own = password != null && !password.isEmpty() && !password.contains("${")
          && !build.notes().isOurs(id, password);
      if (explicitIds.contains(id) || !own) {
        ids.add(id);
      } else if (build.notes().firstTime("kept " + id)) {
        log.info("Server " + id + " has a password in settings.xml: keeping it instead of a CodeArtifact token"
            + " (name it in codeartifact.serverIds to use the token)");
      }
    }
    return ids;
  }

  /** One WARN per build and property whose value is an unresolved {@code ${...}}: it counts as unset. */
  private void warnUnresolved(Configuration config, BuildNotes notes) {
    for (Map.Entry<String, String> e : config.unresolved().entrySet()) {
      if (notes.firstTime("unresolved " + e.getKey())) {
        log.warn(e.getKey() + " is '" + e.getValue() + "', a property Maven could not resolve: treated as unset");
      }
    }
  }

  private static boolean allCarry(List<String> ids, AuthorizationToken token, Build build) {
    for (String id : ids) {
      if (!token.secret().equals(build.password(id))) {
        return false;
      }
    }
    return true;
  }

  private static String failed(TokenRequest request) {
    return "failed " + request;
  }

  /** The INFO line after a token was applied: where it goes, when it expires, where it came from; never the token. */
  static String appliedLine(TokenRequest request, List<String> ids, AuthorizationToken token, Instant now) {
    String from = token.origin().words();
    return "CodeArtifact token for " + request.describe() + " applied to " + String.join(", ", ids)
        + "; expires " + IsoInstants.seconds(token.expiration()) + " (in "
        + Durations.hoursMinutes(Duration.between(now, token.expiration())) + ")"
        + (from.isEmpty() ? "" : "; " + from);
  }

  /** The repositories of the build, read only when the flow gets that far (the core extension parses a POM). */
  public interface RepositoryView {
    List<TokenPlanner.Repository> repositories();
  }

  /** The build's token source, created on first need (a build with nothing to fetch builds none). */
  private final class Lazy {
    private final Parameters parameters;
    private TokenSource source;

    Lazy(Parameters parameters) {
      this.parameters = parameters;
    }

    TokenSource get() {
      if (source == null) {
        source = sources.forBuild(parameters, log);
      }
      return source;
    }
  }
}
