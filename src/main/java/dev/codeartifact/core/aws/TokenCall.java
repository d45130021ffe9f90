package dev.codeartifact.core.aws;

import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.network.NetworkSettings;
import dev.codeartifact.core.util.BoundedReads;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * One {@code GetAuthorizationToken} call: {@code POST /v1/authorization-token} signed with SigV4, its JSON
 * answer read, retried by {@link AwsRetry}'s strategy (which honours {@code Retry-After}) within the bounds of
 * {@link NetworkSettings}. Every failure is a {@link CallFailure} whose kind is decided here, where it is
 * detected (status, {@code x-amzn-ErrorType}, the I/O exception's type); credentials that cannot be resolved
 * leave as {@link CredentialChain.Failure}. Nothing here quotes a response body: an answer that is not a token
 * response fails without it (it may hold a token).
 */
final class TokenCall {
  private static final int MAX_ANSWER_BYTES = 1024 * 1024;
  private static final String USER_AGENT = "codeartifact-maven-plugin aws-sdk-java-signer/2 lang/java#"
      + System.getProperty("java.version");

  /** Opens a connection (proxy, TLS and timeouts set) for one attempt. */
  interface Connections {
    HttpURLConnection open(URI uri) throws IOException;
  }

  /** What a successful answer held; null fields are reported by the caller. */
  static final class Answer {
    final String secret;
    final Instant expiration;
    final int attempts;

    Answer(String secret, Instant expiration, int attempts) {
      this.secret = secret;
      this.expiration = expiration;
      this.attempts = attempts;
    }
  }

  private final TokenRequest request;
  private final TokenEndpoint endpoint;
  private final AwsCredentialsProvider credentials;
  private final NetworkSettings settings;
  private final Connections connections;

  TokenCall(TokenRequest request, TokenEndpoint endpoint, AwsCredentialsProvider credentials,
      NetworkSettings settings, Connections connections) {
    this.request = request;
    this.endpoint = endpoint;
    this.credentials = credentials;
    this.settings = settings;
    this.connections = connections;
  }

  /** Attempts until success, a failure the strategy does not retry, or the total bound (from {@code startedNanos}). */
  Answer run(long startedNanos) {
    long deadline = startedNanos + settings.totalTimeout().toNanos();
    RetryStrategy strategy = AwsRetry.strategy();
    AcquireInitialTokenResponse initial = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("codeartifact"));
    RetryToken token = initial.token();
    Duration delay = initial.delay();
    for (int attempt = 1; ; attempt++) {
      sleep(delay, deadline);
      try {
        Answer answer = attempt(attempt, deadline);
        strategy.recordSuccess(RecordSuccessRequest.create(token));
        return answer;
      } catch (CallFailure failure) {
        RefreshRetryTokenResponse next;
        try {
          RefreshRetryTokenRequest.Builder refresh = RefreshRetryTokenRequest.builder().token(token).failure(failure);
          if (failure.retryAfter != null) {
            refresh.suggestedDelay(failure.retryAfter);
          }
          next = strategy.refreshRetryToken(refresh.build());
        } catch (TokenAcquisitionFailedException notRetried) {
          throw failure;
        }
        token = next.token();
        delay = next.delay();
      }
    }
  }

  private void sleep(Duration delay, long deadline) {
    if (delay.isZero() || delay.isNegative()) {
      return;
    }
    long left = deadline - System.nanoTime();
    if (delay.toNanos() >= left) {
      throw CallFailure.timeout(true);
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CallFailure.interrupted();
    }
  }

  private Answer attempt(int attempt, long deadline) {
    AwsCredentialsIdentity identity = credentials.resolveCredentials();
    SdkHttpRequest signed = sign(identity);
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw CallFailure.timeout(true);
    }
    boolean lastBound = left < settings.attemptTimeout().toNanos();
    long bound = Math.min(left, settings.attemptTimeout().toNanos());
    final HttpURLConnection c;
    try {
      c = connections.open(signed.getUri());
    } catch (IOException e) {
      throw CallFailure.network(e);
    }
    // The attempt's bound: a server that trickles its answer slower than the read timeout notices.
    final AtomicBoolean expired = new AtomicBoolean();
    Timer watchdog = new Timer("codeartifact-token-call-timeout", true);
    watchdog.schedule(new TimerTask() {
      @Override
      public void run() {
        expired.set(true);
        c.disconnect();
      }
    }, Math.max(1, bound / 1_000_000));
    try {
      c.setRequestMethod("POST");
      c.setInstanceFollowRedirects(false);
      c.setUseCaches(false);
      for (Map.Entry<String, List<String>> h : signed.headers().entrySet()) {
        if (!h.getKey().equalsIgnoreCase("Host")) { // the JDK writes Host itself, as signed (host[:port])
          c.setRequestProperty(h.getKey(), String.join(",", h.getValue()));
        }
      }
      c.setRequestProperty("User-Agent", USER_AGENT);
      c.setRequestProperty("Accept", "application/json");
      c.setRequestProperty("amz-sdk-request", "attempt=" + attempt + "; max=" + NetworkSettings.MAX_ATTEMPTS);
      int status = c.getResponseCode();
      byte[] body = read(status >= 400 ? c.getErrorStream() : c.getInputStream());
      if (status / 100 == 2) {
        return parse(body, attempt);
      }
      throw serviceError(status, c, body);
    } catch (IOException e) {
      if (expired.get()) {
        throw CallFailure.timeout(lastBound);
      }
      throw CallFailure.network(e);
    } finally {
      watchdog.cancel();
    }
  }

  private SdkHttpRequest sign(AwsCredentialsIdentity identity) {
    URI base = endpoint.base();
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    SdkHttpFullRequest.Builder http = SdkHttpFullRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(base)
        .encodedPath((path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/v1/authorization-token")
        .putRawQueryParameter("domain", request.domain());
    if (request.domainOwner() != null) {
      http.putRawQueryParameter("domain-owner", request.domainOwner());
    }
    if (request.durationSeconds() != null) {
      http.putRawQueryParameter("duration", String.valueOf(request.durationSeconds()));
    }
    final SdkHttpFullRequest unsigned = http.build();
    return AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(unsigned)
        .payload(ContentStreamProvider.fromByteArrayUnsafe(new byte[0]))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "codeartifact")
        .putProperty(AwsV4HttpSigner.REGION_NAME, endpoint.signingRegion()))
        .request();
  }

  private static byte[] read(InputStream in) throws IOException {
    byte[] body = BoundedReads.readAtMost(in, MAX_ANSWER_BYTES);
    if (body == null) {
      throw CallFailure.notAToken("an answer larger than " + MAX_ANSWER_BYTES + " bytes");
    }
    return body;
  }

  /** {@code {"authorizationToken": "...", "expiration": epoch seconds}}; missing fields come back null. */
  private static Answer parse(byte[] body, int attempts) {
    JsonNode json;
    try {
      json = JsonNode.parser().parse(body);
    } catch (RuntimeException e) {
      // Not chained: the parser's message quotes the body, and the body may hold a token.
      throw CallFailure.notAToken("not JSON");
    }
    if (!json.isObject()) {
      throw CallFailure.notAToken("not a JSON object");
    }
    String secret = null;
    Instant expiration = null;
    JsonNode token = json.asObject().get("authorizationToken");
    if (token != null && token.isString()) {
      secret = token.asString();
    }
    JsonNode exp = json.asObject().get("expiration");
    try {
      if (exp != null && exp.isNumber()) {
        BigDecimal seconds = new BigDecimal(exp.asNumber());
        expiration = Instant.ofEpochSecond(seconds.longValue(),
            seconds.subtract(new BigDecimal(seconds.longValue())).movePointRight(9).intValue());
      } else if (exp != null && exp.isString()) {
        expiration = Instant.parse(exp.asString());
      }
    } catch (RuntimeException e) {
      throw CallFailure.notAToken("an expiration that is not a time");
    }
    return new Answer(secret, expiration, attempts);
  }

  /** The failure an error answer means: error code from {@code x-amzn-ErrorType} or the body. */
  private static CallFailure serviceError(int status, HttpURLConnection c, byte[] body) {
    String code = c.getHeaderField("x-amzn-ErrorType");
    String message = null;
    try {
      JsonNode json = JsonNode.parser().parse(body);
      if (json.isObject()) {
        Map<String, JsonNode> fields = json.asObject();
        if (code == null) {
          code = text(fields.get("__type"));
          code = code == null ? text(fields.get("code")) : code;
        }
        message = text(fields.get("message"));
        message = message == null ? text(fields.get("Message")) : message;
      }
    } catch (RuntimeException notJson) {
      // an error page of a proxy or load balancer: the status says enough
    }
    if (code != null) {
      code = code.contains(":") ? code.substring(0, code.indexOf(':')) : code;
      code = code.contains("#") ? code.substring(code.lastIndexOf('#') + 1) : code;
      code = code.trim().isEmpty() ? null : code.trim();
    }
    return CallFailure.service(status, code, message, retryAfter(c.getHeaderField("Retry-After")));
  }

  private static String text(JsonNode node) {
    return node != null && node.isString() ? node.asString() : null;
  }

  /** {@code Retry-After} in whole seconds, as the SDK reads it; null when absent or not a number. */
  private static Duration retryAfter(String v) {
    if (v == null) {
      return null;
    }
    try {
      long s = Long.parseLong(v.trim());
      return s >= 0 ? Duration.ofSeconds(s) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
