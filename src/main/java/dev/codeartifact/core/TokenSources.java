package dev.codeartifact.core;

import dev.codeartifact.core.cache.CachingTokenSource;
import dev.codeartifact.core.cache.DiskTokenCache;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the chain of token sources every entry point uses: an opted-in {@code CODEARTIFACT_AUTH_TOKEN},
 * else the disk cache shared by all builds of the user, else the AWS API. The AWS source (and with it
 * the SDK) is created on first use only, so a build served from the cache never loads the SDK.
 */
public final class TokenSources {
  /** Environment variable a CI step may already hold a token in (opt-in). */
  public static final String ENV_TOKEN = "CODEARTIFACT_AUTH_TOKEN";

  private static volatile TokenSource aws;
  private static volatile Object awsSettingsKey;

  private TokenSources() {}

  /** The chain for {@code config}, reading the process environment and user home. */
  public static TokenSource forBuild(Configuration config, NetworkSettings network, BuildLog log)
      throws InvalidParameterException {
    return forBuild(config, network, System.getenv(), Paths.get(System.getProperty("user.home")), log);
  }

  /** Whether {@code config} takes its token from {@link #ENV_TOKEN} and {@code env} holds one. */
  public static boolean usesEnvironmentToken(Configuration config, Map<String, String> env)
      throws InvalidParameterException {
    String token = env.get(ENV_TOKEN);
    return config.bool(Configuration.TOKEN_FROM_ENVIRONMENT, false) && token != null && !token.trim().isEmpty();
  }

  public static TokenSource forBuild(Configuration config, final NetworkSettings network,
      Map<String, String> env, Path userHome, final BuildLog log) throws InvalidParameterException {
    if (config.bool(Configuration.TOKEN_FROM_ENVIRONMENT, false)) {
      final String token = env.get(ENV_TOKEN);
      if (usesEnvironmentToken(config, env)) {
        return request -> {
          log.debug("Using the token from " + ENV_TOKEN + " for " + request.describe());
          // The environment gives no expiry: assume the shortest life CodeArtifact issues.
          return new AuthorizationToken(token.trim(), Instant.now().plus(Duration.ofSeconds(TokenRequest.MIN_DURATION)));
        };
      }
      log.warn("codeartifact.tokenFromEnvironment is true but " + ENV_TOKEN + " is not set: requesting a token");
    }
    String dir = config.get(Configuration.CACHE_DIR);
    Path cacheDir = dir != null ? Paths.get(dir) : DiskTokenCache.defaultDirectory(env, userHome);
    final Path sdkDir = cacheDir.resolve(SdkLoader.FOLDER);
    final Supplier<TokenSource> awsSupplier = () -> awsSource(network, sdkDir, log);
    if (!config.bool(Configuration.CACHE, true)) {
      return request -> awsSupplier.get().fetch(request);
    }
    DiskTokenCache cache = new DiskTokenCache(cacheDir, Clock.systemUTC(), log);
    return CachingTokenSource.create(cache, env, userHome, awsSupplier);
  }

  /** The cache folder {@code config} points at, for the purge goal. */
  public static Path cacheDirectory(Configuration config) {
    String dir = config.get(Configuration.CACHE_DIR);
    return dir != null ? Paths.get(dir)
        : DiskTokenCache.defaultDirectory(System.getenv(), Paths.get(System.getProperty("user.home")));
  }

  /** One AWS source (and so one SDK client per region/profile/endpoint) per build and network setting. */
  private static synchronized TokenSource awsSource(NetworkSettings network, Path sdkDir, BuildLog log) {
    if (aws == null || !network.equals(awsSettingsKey)) {
      final AwsSourceFactory factory;
      try {
        factory = SdkLoader.factory(sdkDir, log);
      } catch (final CodeArtifactException e) {
        return request -> {
          throw e;
        };
      }
      aws = factory.create(network, log);
      awsSettingsKey = network;
    }
    return aws;
  }
}
