package dev.codeartifact.core.network;

import dev.codeartifact.core.flow.Configuration;
import dev.codeartifact.core.flow.InvalidParameterException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * How the AWS API call reaches the network: timeouts, retries, Maven proxies, an extra CA bundle, FIPS
 * and dual-stack endpoints. Does not change which token is issued, so it is not part of the cache key.
 *
 * <h2>Bounds</h2>
 *
 * One token request makes at most {@value #MAX_ATTEMPTS} attempts, and only throttling (HTTP 429 or
 * {@code ThrottlingException}), HTTP 5xx and a connection dropped mid-request are retried, with
 * exponential backoff and full jitter, never sooner than the service's {@code Retry-After}. A refused
 * connection, an unknown host, a TLS failure or a timeout fails at once. Each attempt is cut off after
 * {@code connectTimeout + readTimeout + 5 s}; the whole call (credentials included) after
 * {@link #totalTimeout()}: 60 s, or {@code connectTimeout + readTimeout + 5 s} when that is longer.
 */
public final class NetworkSettings {
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  public static final int MAX_ATTEMPTS = 5;
  public static final Duration MIN_TOTAL_TIMEOUT = Duration.ofSeconds(60);
  static final Duration ATTEMPT_SLACK = Duration.ofSeconds(5);

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final List<ProxySettings> proxies;
  private final Path caBundle;
  private final List<X509Certificate> caCertificates;
  private final Boolean fips;
  private final Boolean dualstack;

  private NetworkSettings(Duration connectTimeout, Duration readTimeout, List<ProxySettings> proxies, Path caBundle,
      List<X509Certificate> caCertificates, Boolean fips, Boolean dualstack) {
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    this.proxies = Collections.unmodifiableList(new ArrayList<>(proxies));
    this.caBundle = caBundle;
    this.caCertificates = Collections.unmodifiableList(new ArrayList<>(caCertificates));
    this.fips = fips;
    this.dualstack = dualstack;
  }

  /** Reads the network properties of {@code config}, validating each; no proxy. */
  public static NetworkSettings from(Configuration config) throws InvalidParameterException {
    return from(config, Collections.<ProxySettings>emptyList());
  }

  /**
   * Reads the network properties of {@code config}, validating each (the CA bundle is read now, so a
   * missing or empty file fails before any network call), with the active Maven proxies in their order.
   */
  public static NetworkSettings from(Configuration config, List<ProxySettings> proxies)
      throws InvalidParameterException {
    Duration connect = seconds(config, Configuration.CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
    Duration read = seconds(config, Configuration.READ_TIMEOUT, DEFAULT_READ_TIMEOUT);
    Boolean fips = optionalBool(config, Configuration.FIPS);
    Boolean dualstack = optionalBool(config, Configuration.DUALSTACK);
    String bundle = config.get(Configuration.CA_BUNDLE);
    Path caBundle = null;
    List<X509Certificate> certificates = Collections.emptyList();
    if (bundle != null) {
      try {
        caBundle = Paths.get(bundle).toAbsolutePath().normalize();
      } catch (RuntimeException e) {
        throw new InvalidParameterException(Configuration.CA_BUNDLE, bundle, "the path of a PEM file of CA certificates");
      }
      certificates = PemCertificates.read(Configuration.CA_BUNDLE, caBundle);
    }
    return new NetworkSettings(connect, read, proxies == null ? Collections.<ProxySettings>emptyList() : proxies,
        caBundle, certificates, fips, dualstack);
  }

  private static Duration seconds(Configuration config, String property, Duration defaultValue)
      throws InvalidParameterException {
    String v = config.get(property);
    if (v == null) {
      return defaultValue;
    }
    try {
      long n = Long.parseLong(v);
      if (n >= 1 && n <= 600) {
        return Duration.ofSeconds(n);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidParameterException(property, v, "a whole number of seconds from 1 to 600");
  }

  /** true, false, or null when unset (the SDK's own setting then applies). */
  private static Boolean optionalBool(Configuration config, String property) throws InvalidParameterException {
    return config.isSet(property) ? Boolean.valueOf(config.bool(property, false)) : null;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  /** Upper bound of one attempt: connect, then read, plus slack for TLS and signing. */
  public Duration attemptTimeout() {
    return connectTimeout.plus(readTimeout).plus(ATTEMPT_SLACK);
  }

  /** Upper bound of one token request, retries and backoff included. */
  public Duration totalTimeout() {
    Duration attempt = attemptTimeout();
    return attempt.compareTo(MIN_TOTAL_TIMEOUT) > 0 ? attempt : MIN_TOTAL_TIMEOUT;
  }

  /** Active Maven proxies, in settings order; empty when Maven has none (system properties then apply). */
  public List<ProxySettings> proxies() {
    return proxies;
  }

  /** The proxy for {@code scheme://host}, or null (see {@link ProxySettings#select}). */
  public ProxySettings proxyFor(String scheme, String host) {
    return ProxySettings.select(proxies, scheme, host);
  }

  /** The CA bundle file, or null. */
  public Path caBundle() {
    return caBundle;
  }

  /** The certificates of the CA bundle, trusted in addition to the JVM's; empty without one. */
  public List<X509Certificate> caCertificates() {
    return caCertificates;
  }

  /** {@code codeartifact.fips}, or null when unset. */
  public Boolean fips() {
    return fips;
  }

  /** {@code codeartifact.dualstack}, or null when unset. */
  public Boolean dualstack() {
    return dualstack;
  }

  @Override
  public String toString() {
    return "NetworkSettings[connect " + connectTimeout + ", read " + readTimeout
        + (proxies.isEmpty() ? "" : ", proxies " + proxies)
        + (caBundle == null ? "" : ", caBundle " + caBundle + " (" + caCertificates.size() + " certificates)")
        + (fips == null ? "" : ", fips " + fips) + (dualstack == null ? "" : ", dualstack " + dualstack) + "]";
  }
}
