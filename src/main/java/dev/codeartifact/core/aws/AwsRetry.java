package dev.codeartifact.core.aws;

import dev.codeartifact.core.NetworkSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The retry rules of the token call (see {@link NetworkSettings} for the bounds).
 *
 * <p>Checked in the SDK 2.40.2 sources: {@code RetryableStage} reads an integer {@code Retry-After} header
 * of any error response and hands it to the strategy as the suggested delay, and
 * {@code BaseRetryStrategy.computeBackoff} waits {@code max(Retry-After, backoff)}. So the standard
 * strategy honours {@code Retry-After} as a floor; the API call timeout caps the total. The client's
 * default retry conditions are switched off ({@code useClientDefaults(false)}): they would also retry
 * refused connections and timeouts, multiplying the time a dead endpoint takes to fail.
 */
final class AwsRetry {
  static final Duration BASE_DELAY = Duration.ofMillis(500);
  static final Duration MAX_DELAY = Duration.ofSeconds(10);
  static final Duration THROTTLING_BASE_DELAY = Duration.ofSeconds(1);
  static final Duration THROTTLING_MAX_DELAY = Duration.ofSeconds(20);

  private AwsRetry() {}

  static RetryStrategy strategy() {
    return StandardRetryStrategy.builder()
        .useClientDefaults(false)
        .circuitBreakerEnabled(false)
        .maxAttempts(NetworkSettings.MAX_ATTEMPTS)
        .backoffStrategy(BackoffStrategy.exponentialDelay(BASE_DELAY, MAX_DELAY))
        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(THROTTLING_BASE_DELAY, THROTTLING_MAX_DELAY))
        .treatAsThrottling(AwsRetry::isThrottling)
        .retryOnException(AwsRetry::isRetryable)
        .build();
  }

  static boolean isThrottling(Throwable t) {
    return t instanceof SdkServiceException
        && (((SdkServiceException) t).statusCode() == 429 || ((SdkServiceException) t).isThrottlingException());
  }

  /** Throttling, 5xx, and I/O failures other than refused, unknown, unreachable, TLS and timeouts. */
  static boolean isRetryable(Throwable t) {
    if (t instanceof SdkServiceException) {
      return isThrottling(t) || ((SdkServiceException) t).statusCode() >= 500;
    }
    boolean io = false;
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ConnectException || c instanceof UnknownHostException || c instanceof NoRouteToHostException
          || c instanceof SocketTimeoutException || c instanceof SSLException) {
        return false;
      }
      if (c instanceof IOException) {
        if (c.getMessage() != null && c.getMessage().contains("Unable to tunnel through proxy")) {
          return false; // the proxy refused the tunnel (407, 403...): the same answer every time
        }
        io = true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return io;
  }
}
