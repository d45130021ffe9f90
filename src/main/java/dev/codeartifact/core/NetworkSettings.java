package dev.codeartifact.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How the AWS API call reaches the network: timeouts (and, as they are added, proxy, CA bundle, FIPS
 * and dual-stack endpoints). Does not change which token is issued, so it is not part of the cache key.
 */
public final class NetworkSettings {
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  private final Duration connectTimeout;
  private final Duration readTimeout;

  public NetworkSettings(Duration connectTimeout, Duration readTimeout) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  public static NetworkSettings defaults() {
    return new NetworkSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
  }

  /** Reads the network properties of {@code config}, validating each. */
  public static NetworkSettings from(Configuration config) throws InvalidParameterException {
    return new NetworkSettings(
        seconds(config, Configuration.CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT),
        seconds(config, Configuration.READ_TIMEOUT, DEFAULT_READ_TIMEOUT));
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

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkSettings && ((NetworkSettings) o).connectTimeout.equals(connectTimeout)
        && ((NetworkSettings) o).readTimeout.equals(readTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(connectTimeout, readTimeout);
  }

  @Override
  public String toString() {
    return "NetworkSettings[connect " + connectTimeout + ", read " + readTimeout + "]";
  }
}
