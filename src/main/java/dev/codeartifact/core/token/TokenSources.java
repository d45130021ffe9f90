package dev.codeartifact.core.token;

import dev.codeartifact.core.cache.CachingTokenSource;
import dev.codeartifact.core.cache.DiskTokenCache;
import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.flow.Parameters;
import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.network.NetworkSettings;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the chain of token sources of one build: an opted-in {@code CODEARTIFACT_AUTH_TOKEN}, else the
 * disk cache shared by all builds of the user, else the AWS API. Nothing is kept between builds: the AWS
 * source (and with it the SDK client) is created on the build's first cache miss, so a build served from
 * the cache never touches the SDK, and a daemon's next build starts from its own settings.
 */
public final class TokenSources {
  /** Environment variable a CI step may already hold a token in (opt-in). */
  public static final String ENV_TOKEN = "CODEARTIFACT_AUTH_TOKEN";

  private TokenSources() {}

  /** The chain for {@code parameters}, reading the process environment and user home. */
  public static TokenSource forBuild(Parameters parameters, BuildLog log) {
    return forBuild(parameters, System.getenv(), userHome(), log);
  }

  /** Whether {@code parameters} take the token from {@link #ENV_TOKEN} and {@code env} holds one. */
  public static boolean usesEnvironmentToken(Parameters parameters, Map<String, String> env) {
    String token = env.get(ENV_TOKEN);
    return parameters.tokenFromEnvironment() && token != null && !token.trim().isEmpty();
  }

  public static TokenSource forBuild(Parameters parameters, Map<String, String> env, Path userHome,
      final BuildLog log) {
    if (parameters.tokenFromEnvironment()) {
      final String token = env.get(ENV_TOKEN);
      if (usesEnvironmentToken(parameters, env)) {
        return request -> {
          log.debug("Using the token from " + ENV_TOKEN + " for " + request.describe());
          // The environment gives no expiry: assume the shortest life CodeArtifact issues (and no fetch time,
          // so the margin's floor applies).
          return new AuthorizationToken(token.trim(), Instant.now().plus(Duration.ofSeconds(TokenRequest.MIN_DURATION)))
              .from(AuthorizationToken.Origin.ENVIRONMENT, null);
        };
      }
      log.warn("codeartifact.tokenFromEnvironment is true but " + ENV_TOKEN + " is not set: requesting a token");
    }
    Path cacheDir = cacheDirectory(parameters, env, userHome);
    final NetworkSettings network = parameters.network();
    final Path sdkDir = cacheDir.resolve(SdkLoader.FOLDER);
    final Supplier<TokenSource> aws = new Supplier<TokenSource>() {
      private TokenSource created;

      @Override
      public synchronized TokenSource get() {
        if (created == null) {
          created = awsSource(network, sdkDir, log);
        }
        return created;
      }
    };
    if (!parameters.cache()) {
      return request -> aws.get().fetch(request);
    }
    DiskTokenCache cache = new DiskTokenCache(cacheDir, Clock.systemUTC(), log);
    return CachingTokenSource.create(cache, env, userHome, aws);
  }

  /** The cache folder {@code parameters} point at, for the purge goal and 401 handling. */
  public static Path cacheDirectory(Parameters parameters) {
    return cacheDirectory(parameters, System.getenv(), userHome());
  }

  private static Path cacheDirectory(Parameters parameters, Map<String, String> env, Path userHome) {
    return parameters.cacheDir() != null ? parameters.cacheDir() : DiskTokenCache.defaultDirectory(env, userHome);
  }

  private static Path userHome() {
    return Paths.get(System.getProperty("user.home"));
  }

  /** The AWS call, each token marked as fetched from AWS now; a failure to load the SDK fails each fetch. */
  private static TokenSource awsSource(NetworkSettings network, Path sdkDir, BuildLog log) {
    final TokenSource aws;
    try {
      aws = SdkLoader.factory(sdkDir, log).create(network, log);
    } catch (final CodeArtifactException e) {
      return request -> {
        throw e;
      };
    }
    return request -> aws.fetch(request).from(AuthorizationToken.Origin.AWS, Instant.now());
  }
}
