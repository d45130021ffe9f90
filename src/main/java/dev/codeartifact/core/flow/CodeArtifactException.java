package dev.codeartifact.core.flow;

/**
 * Base of every failure this plugin reports. The message is a single user-facing line that says what
 * to do; it never contains a token. {@link #kind()} says what went wrong, decided where the failure was
 * detected (an HTTP status, {@code x-amzn-ErrorType}, an exception type), never from the message.
 */
public class CodeArtifactException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What a user can hit; each has its own line and hint. */
  public enum Kind {
    /** A configuration value that cannot be used ({@link InvalidParameterException}), or the API refused one. */
    INVALID_PARAMETER,
    /** No source of the AWS credential chain is configured, or none gave credentials. */
    NO_CREDENTIALS,
    /** A configured credential source (web identity, role or SSO profile, container endpoint) failed. */
    CREDENTIAL_SOURCE_FAILED,
    /** AWS rejected the credentials the call was signed with (invalid, expired, bad signature). */
    CREDENTIALS_REJECTED,
    /** 403 AccessDeniedException: the identity lacks the IAM permissions. */
    ACCESS_DENIED,
    /** 404 ResourceNotFoundException: no such domain (and owner) in the region. */
    DOMAIN_NOT_FOUND,
    /** 429 / ThrottlingException on every attempt. */
    THROTTLED,
    /** Nothing answers at the endpoint (refused, unknown host, no route, TLS failure other than trust). */
    ENDPOINT_UNREACHABLE,
    /** The HTTP proxy refused the call (407, or a refused CONNECT). */
    PROXY_REFUSED,
    /** The endpoint's TLS certificate is not trusted. */
    TLS_NOT_TRUSTED,
    /** The endpoint answered with something that is not a usable token response. */
    NOT_A_TOKEN,
    /** No answer within a connect, read, attempt or total bound. */
    TIMEOUT,
    /** Anything else (service failures after every attempt, unexpected errors). */
    OTHER
  }

  private final Kind kind;

  public CodeArtifactException(String message) {
    this(Kind.OTHER, message);
  }

  public CodeArtifactException(String message, Throwable cause) {
    this(Kind.OTHER, message, cause);
  }

  public CodeArtifactException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public CodeArtifactException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
