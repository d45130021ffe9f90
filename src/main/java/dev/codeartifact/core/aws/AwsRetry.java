package dev.codeartifact.core.aws;

import dev.codeartifact.core.flow.CodeArtifactException.Kind;
import dev.codeartifact.core.network.NetworkSettings;
import java.time.Duration;
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

  /** Decided where the failure was detected ({@link CallFailure#kind}). */
  static boolean isThrottling(Throwable t) {
    return t instanceof CallFailure && ((CallFailure) t).kind == Kind.THROTTLED;
  }

  /**
   * Throttling, 5xx, and I/O failures other than refused, unknown, unreachable, TLS, timeouts and a refused
   * proxy tunnel (the same answer every time), as {@link CallFailure} decided them.
   */
  static boolean isRetryable(Throwable t) {
    return t instanceof CallFailure && ((CallFailure) t).retryable;
  }
}
