package dev.codeartifact.core.aws;

import dev.codeartifact.core.flow.CodeArtifactException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * A failed attempt of the token call, its {@link Kind} decided where {@link TokenCall} detected it: from the
 * HTTP status and {@code x-amzn-ErrorType}, or from the type of the I/O failure. {@link AwsRetry} decides on
 * retrying from {@link #retryable} and {@link #kind}; {@link AwsErrors} words it. The message names only the
 * status, error code or exception type (a response body may hold a token).
 */
final class CallFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final Kind kind;
  /** HTTP status of an error answer; -1 when there was none. */
  final int status;
  /** {@code x-amzn-ErrorType} (or the body's {@code __type}/{@code code}), without namespace; may be null. */
  final String errorCode;
  /** The error body's {@code message}, as sent: quote only through {@link Redacted#mask}. */
  final String serviceMessage;
  /** {@code Retry-After} in whole seconds; null when absent or not a number. */
  final Duration retryAfter;
  final boolean retryable;
  /** For {@link Kind#TIMEOUT} without an I/O cause: true when the total bound ran out, false for one attempt's. */
  final boolean totalBound;
  /** The I/O failure behind a network kind, or null. */
  final IOException network;

  private CallFailure(Kind kind, String what, int status, String errorCode, String serviceMessage, Duration retryAfter,
      boolean retryable, boolean totalBound, IOException network) {
    super(what, network);
    this.kind = kind;
    this.status = status;
    this.errorCode = errorCode;
    this.serviceMessage = serviceMessage;
    this.retryAfter = retryAfter;
    this.retryable = retryable;
    this.totalBound = totalBound;
    this.network = network;
  }

  /** Error codes AWS uses for credentials it does not accept, whatever the service. */
  private static boolean rejectsCredentials(String code) {
    return code != null && (code.equals("UnrecognizedClientException") || code.equals("InvalidSignatureException")
        || code.equals("ExpiredTokenException") || code.equals("InvalidClientTokenId")
        || code.equals("SignatureDoesNotMatch") || code.equals("MissingAuthenticationTokenException")
        || code.equals("IncompleteSignatureException"));
  }

  /** Throttling error codes of AWS's JSON services (CodeArtifact answers {@code ThrottlingException} with 429). */
  private static boolean throttles(int status, String code) {
    return status == 429 || code != null && (code.equals("ThrottlingException") || code.equals("Throttling")
        || code.equals("TooManyRequestsException") || code.equals("RequestLimitExceeded"));
  }

  /** An error answer of the API. */
  static CallFailure service(int status, String code, String message, Duration retryAfter) {
    Kind kind = rejectsCredentials(code) ? Kind.CREDENTIALS_REJECTED
        : "AccessDeniedException".equals(code) ? Kind.ACCESS_DENIED
        : "ResourceNotFoundException".equals(code) ? Kind.DOMAIN_NOT_FOUND
        : throttles(status, code) ? Kind.THROTTLED
        : status == 407 ? Kind.PROXY_REFUSED
        : status == 400 && "ValidationException".equals(code) ? Kind.INVALID_PARAMETER
        : Kind.OTHER;
    boolean retry = kind == Kind.THROTTLED || kind == Kind.OTHER && status >= 500;
    return new CallFailure(kind, "HTTP " + status + (code == null ? "" : " (" + code + ")"), status, code, message,
        retryAfter, retry, false, null);
  }

  /** A 2xx answer that is not a token response. Never chained to the parser's error: it quotes the body. */
  static CallFailure notAToken(String what) {
    return new CallFailure(Kind.NOT_A_TOKEN, what, -1, null, null, null, false, false, null);
  }

  /** The attempt's or the whole call's time ran out. */
  static CallFailure timeout(boolean total) {
    return new CallFailure(Kind.TIMEOUT, total ? "total time bound" : "attempt time bound", -1, null, null, null,
        false, total, null);
  }

  /** Interrupted while waiting to retry. */
  static CallFailure interrupted() {
    return new CallFailure(Kind.OTHER, "interrupted", -1, null, null, null, false, false, null);
  }

  /**
   * An I/O failure, by type: a refused tunnel (407 or another answer), untrusted certificate, other TLS,
   * timeouts, unreachable hosts; anything else (a reset connection) is retried.
   */
  static CallFailure network(IOException e) {
    ProxyTunnel.Refused refused = ProxyTunnel.Refused.of(e);
    if (refused != null) {
      return new CallFailure(refused.status == 407 ? Kind.PROXY_REFUSED : Kind.ENDPOINT_UNREACHABLE,
          "proxy refused the tunnel", refused.status, null, null, null, false, false, refused);
    }
    Kind kind;
    boolean retry = false;
    if (e instanceof SSLException) {
      kind = untrusted(e) ? Kind.TLS_NOT_TRUSTED : Kind.ENDPOINT_UNREACHABLE;
    } else if (e instanceof SocketTimeoutException) {
      kind = Kind.TIMEOUT;
    } else if (e instanceof ConnectException || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException || e instanceof InterruptedIOException) {
      kind = Kind.ENDPOINT_UNREACHABLE;
    } else {
      kind = Kind.OTHER;
      retry = true;
    }
    return new CallFailure(kind, e.getClass().getSimpleName(), -1, null, null, null, retry, false, e);
  }

  /**
   * A server certificate no trust anchor accepts (unknown or self-signed issuer), by the JDK's types: its
   * PKIX validator fails with a {@code CertPathBuilderException} or {@code CertPathValidatorException} below
   * the {@code SSLHandshakeException}. Host-name mismatches and other TLS failures are not this.
   */
  private static boolean untrusted(Throwable tls) {
    for (Throwable t = tls; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
        return true;
      }
    }
    return false;
  }
}
