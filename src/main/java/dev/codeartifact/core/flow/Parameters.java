package dev.codeartifact.core.flow;

import dev.codeartifact.core.network.NetworkSettings;
import dev.codeartifact.core.network.ProxySettings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The plugin's parameters, typed and validated once, whichever front end collected them into a
 * {@link Configuration} (goal parameters, the plugin's POM configuration, {@code -D}, {@code .mvn/maven.config},
 * settings profiles). Every value is checked here, before anything looks at the network or the build, and a
 * bad one fails with the property, the value and what is allowed. With {@code skip} set nothing else is read.
 */
public final class Parameters {
  private final boolean skip;
  private final TokenRequest.Builder template;
  private final Set<String> serverIds;
  private final boolean failOnError;
  private final boolean cache;
  private final boolean tokenFromEnvironment;
  private final Path cacheDir;
  private final NetworkSettings network;
  private final Configuration raw;

  private Parameters(Configuration raw, boolean skip, TokenRequest.Builder template, Set<String> serverIds,
      boolean failOnError, boolean cache, boolean tokenFromEnvironment, Path cacheDir, NetworkSettings network) {
    this.raw = raw;
    this.skip = skip;
    this.template = template;
    this.serverIds = serverIds;
    this.failOnError = failOnError;
    this.cache = cache;
    this.tokenFromEnvironment = tokenFromEnvironment;
    this.cacheDir = cacheDir;
    this.network = network;
  }

  /**
   * Parses {@code config}; {@code proxies} are Maven's active proxies (passwords already decrypted), which
   * apply to the AWS call as they apply to Maven's downloads.
   */
  public static Parameters parse(Configuration config, List<ProxySettings> proxies) throws InvalidParameterException {
    if (config.bool(Configuration.SKIP, false)) {
      return new Parameters(config, true, null, Collections.<String>emptySet(), true, true, false, null, null);
    }
    TokenRequest.Builder template = config.tokenRequestTemplate();
    Set<String> serverIds = config.serverIds();
    boolean failOnError = config.bool(Configuration.FAIL_ON_ERROR, true);
    boolean cache = config.bool(Configuration.CACHE, true);
    boolean fromEnvironment = config.bool(Configuration.TOKEN_FROM_ENVIRONMENT, false);
    Path cacheDir = null;
    String dir = config.get(Configuration.CACHE_DIR);
    if (dir != null) {
      try {
        cacheDir = Paths.get(dir);
      } catch (InvalidPathException e) {
        throw new InvalidParameterException(Configuration.CACHE_DIR, dir, "a folder path (" + e.getReason() + ")");
      }
    }
    // Last: it may read the CA bundle file.
    NetworkSettings network = NetworkSettings.from(config, proxies);
    return new Parameters(config, false, template, serverIds, failOnError, cache, fromEnvironment, cacheDir, network);
  }

  public boolean skip() {
    return skip;
  }

  /** Domain, owner, region, duration, profile and endpoint as configured (domain may be missing: discovery). */
  public TokenRequest.Builder template() {
    return template.copy();
  }

  /** Whether the user set {@code codeartifact.domain} (discovery fills it otherwise). */
  public boolean hasDomain() {
    return raw.get(Configuration.DOMAIN) != null;
  }

  public Set<String> serverIds() {
    return serverIds;
  }

  /** The {@code serverIds} value as the user wrote it, for error lines. */
  public String serverIdsValue() {
    return raw.get(Configuration.SERVER_IDS);
  }

  public boolean failOnError() {
    return failOnError;
  }

  public boolean cache() {
    return cache;
  }

  public boolean tokenFromEnvironment() {
    return tokenFromEnvironment;
  }

  /** The configured cache folder, or null for the default. */
  public Path cacheDir() {
    return cacheDir;
  }

  public NetworkSettings network() {
    return network;
  }

  /** The raw values, for front ends that word where a value came from. */
  public Configuration configuration() {
    return raw;
  }

  @Override
  public String toString() {
    return "Parameters" + raw.setProperties();
  }
}
