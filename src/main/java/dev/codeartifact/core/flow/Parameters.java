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

  /** Reads and checks every value in the order users meet them in error lines; with skip, nothing. */
  private Parameters(Configuration config, List<ProxySettings> proxies, boolean skip) throws InvalidParameterException {
    this.raw = config;
    this.skip = skip;
    this.template = skip ? null : config.tokenRequestTemplate();
    this.serverIds = skip ? Collections.<String>emptySet() : config.serverIds();
    this.failOnError = skip || config.bool(Configuration.FAIL_ON_ERROR, true);
    this.cache = skip || config.bool(Configuration.CACHE, true);
    this.tokenFromEnvironment = !skip && config.bool(Configuration.TOKEN_FROM_ENVIRONMENT, false);
    this.cacheDir = skip ? null : folder(config.get(Configuration.CACHE_DIR));
    // Last: it may read the CA bundle file.
    this.network = skip ? null : NetworkSettings.from(config, proxies);
  }

  /**
   * Parses {@code config}; {@code proxies} are Maven's active proxies (passwords already decrypted), which
   * apply to the AWS call as they apply to Maven's downloads.
   */
  public static Parameters parse(Configuration config, List<ProxySettings> proxies) throws InvalidParameterException {
    return new Parameters(config, proxies, config.bool(Configuration.SKIP, false));
  }

  private static Path folder(String dir) throws InvalidParameterException {
    try {
      return dir == null ? null : Paths.get(dir);
    } catch (InvalidPathException e) {
      throw new InvalidParameterException(Configuration.CACHE_DIR, dir, "a folder path (" + e.getReason() + ")");
    }
  }

  public boolean skip() {
    return skip;
  }

  /** Domain, owner, region, duration, profile and endpoint as configured (domain may be missing: discovery). */
  public TokenRequest.Builder template() {
    return template.copy();
  }

  public Set<String> serverIds() {
    return serverIds;
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
