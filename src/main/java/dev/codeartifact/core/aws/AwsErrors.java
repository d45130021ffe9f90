package dev.codeartifact.core.aws;

import dev.codeartifact.core.CodeArtifactException;
import dev.codeartifact.core.NetworkSettings;
import dev.codeartifact.core.ProxySettings;
import dev.codeartifact.core.TokenRequest;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.codeartifact.model.AccessDeniedException;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;

/**
 * Turns SDK failures into one line that tells the user what to do. Service error messages are quoted
 * masked ({@link Redacted#mask}); the cause kept for {@code -e} is a {@link Redacted} copy, so no SDK
 * message (which may quote a response body) reaches a log unmasked.
 */
final class AwsErrors {
  private AwsErrors() {}

  /** Where the call went, for the messages. */
  static final class Target {
    final String region;
    final String endpoint;
    final NetworkSettings network;
    final ProxySettings proxy;

    Target(String region, String endpoint, NetworkSettings network, ProxySettings proxy) {
      this.region = region;
      this.endpoint = endpoint;
      this.network = network;
      this.proxy = proxy;
    }
  }

  static CodeArtifactException translate(SdkException e, TokenRequest request, String region, String endpoint) {
    return translate(e, request, new Target(region, endpoint, NetworkSettings.defaults(), null));
  }

  static CodeArtifactException translate(SdkException e, TokenRequest request, Target target) {
    Throwable cause = Redacted.of(e);
    String what = request.describe();
    String endpoint = target.endpoint;
    if (e instanceof AccessDeniedException) {
      return new CodeArtifactException("Access denied getting a CodeArtifact token for " + what
          + ": the AWS identity needs the IAM permissions codeartifact:GetAuthorizationToken and"
          + " sts:GetServiceBearerToken" + serviceMessage(e), cause);
    }
    if (e instanceof ResourceNotFoundException) {
      return new CodeArtifactException("CodeArtifact domain '" + request.domain() + "' with owner "
          + (request.domainOwner() == null ? "(the caller's account)" : request.domainOwner())
          + " was not found in region " + target.region + ": check codeartifact.domain, codeartifact.domainOwner and"
          + " codeartifact.region" + serviceMessage(e), cause);
    }
    if (e instanceof SdkServiceException) {
      SdkServiceException s = (SdkServiceException) e;
      String code = e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null
          ? ((AwsServiceException) e).awsErrorDetails().errorCode() : null;
      int status = s.statusCode();
      if (isCredentialRejection(code)) {
        return new CodeArtifactException("AWS rejected the credentials used for CodeArtifact " + what + " ("
            + code + "): refresh them (aws sso login, aws configure) or choose other ones with AWS_PROFILE or"
            + " codeartifact.profile", cause);
      }
      if (status == 429 || AwsRetry.isThrottling(e)) {
        return new CodeArtifactException("CodeArtifact throttled the token request for " + what
            + " (ThrottlingException) after " + NetworkSettings.MAX_ATTEMPTS + " attempts: too many builds asked"
            + " at once; retry later or let builds share the token cache", cause);
      }
      if (status == 407) {
        return new CodeArtifactException(proxyRefusal(target, what), cause);
      }
      if (status >= 500) {
        return new CodeArtifactException("The CodeArtifact API at " + endpoint + " failed with HTTP " + status
            + (code == null ? "" : " (" + code + ")") + " for " + what + " after " + NetworkSettings.MAX_ATTEMPTS
            + " attempts: retry later", cause);
      }
      if (status == 400 && "ValidationException".equals(code)) {
        return new CodeArtifactException("CodeArtifact rejected the token request for " + what
            + serviceMessage(e) + ": check codeartifact.domain, codeartifact.domainOwner"
            + " and codeartifact.durationSeconds", cause);
      }
      return new CodeArtifactException("The CodeArtifact API at " + endpoint + " refused the token request for "
          + what + " with HTTP " + status + (code == null ? "" : " (" + code + ")") + serviceMessage(e)
          + ": check codeartifact.endpoint and codeartifact.region", cause);
    }
    if (e instanceof ApiCallTimeoutException) {
      return new CodeArtifactException("The CodeArtifact API at " + endpoint + " gave no token for " + what
          + " within " + seconds(target.network.totalTimeout()) + " (retries included): check the network and"
          + " proxy settings, or raise codeartifact.connectTimeout / codeartifact.readTimeout", cause);
    }
    if (e instanceof ApiCallAttemptTimeoutException) {
      return new CodeArtifactException("The CodeArtifact API at " + endpoint + " did not answer within "
          + seconds(target.network.attemptTimeout()) + " for " + what + ": check the network and proxy settings,"
          + " or raise codeartifact.readTimeout", cause);
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.contains("Unable to load credentials") || message.contains("Profile file contained no credentials")
        || message.contains("credentials") && message.contains("provider")) {
      return new CodeArtifactException("No AWS credentials for CodeArtifact " + what
          + ": tried Java system properties (aws.accessKeyId), environment variables (AWS_ACCESS_KEY_ID,"
          + " AWS_SECRET_ACCESS_KEY), web identity (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN), the profile in"
          + " ~/.aws/config and ~/.aws/credentials (" + (request.profile() == null
              ? "AWS_PROFILE or 'default'" : "profile '" + request.profile() + "'")
          + "), container and instance credentials; sign in (aws sso login, aws configure) or set AWS_PROFILE"
          + " or codeartifact.profile", cause);
    }
    Throwable network = rootNetworkCause(e);
    if (network != null) {
      if (isProxyTunnelRefusal(network)) {
        return new CodeArtifactException(proxyRefusal(target, what), cause);
      }
      return new CodeArtifactException("Cannot reach the CodeArtifact API at " + endpoint + " (region "
          + target.region + (target.proxy == null ? "" : ", through " + target.proxy.describe()) + "): "
          + describeNetwork(network, target) + "; check codeartifact.endpoint, codeartifact.region, the network and"
          + " proxy settings", cause);
    }
    if (message.contains("Unable to unmarshall") || message.contains("Unable to parse")
        || message.contains("JSON") || message.contains("unmarshall") || message.contains("Unexpected character")) {
      return new CodeArtifactException("The CodeArtifact API at " + endpoint
          + " answered with something that is not a token response for " + what
          + ": check codeartifact.endpoint points at CodeArtifact", cause);
    }
    return new CodeArtifactException("Could not get a CodeArtifact token for " + what + " from " + endpoint + ": "
        + e.getClass().getSimpleName() + "; run with -e for details", cause);
  }

  private static String proxyRefusal(Target target, String what) {
    String proxy = target.proxy == null ? "The HTTP proxy" : "The " + target.proxy.describe();
    String hint = target.proxy != null && target.proxy.passwordIsEncrypted()
        ? ": its password is encrypted in settings.xml, which this plugin cannot decrypt; give the API call"
            + " a proxy that needs no password, or set it in clear text in a settings file only you can read"
        : target.proxy != null && target.proxy.username() != null && "https".equalsIgnoreCase(scheme(target.endpoint))
            ? ": the JDK's HTTP client sends no proxy credentials when it opens an HTTPS tunnel; allow the"
                + " CodeArtifact API host through the proxy without authentication, or use a proxy that does"
                + " not need it"
            : ": check <username> and <password> of the proxy in settings.xml";
    return proxy + " refused the CodeArtifact API call for " + what + " with 407 Proxy Authentication Required"
        + hint;
  }

  private static String scheme(String endpoint) {
    int i = endpoint == null ? -1 : endpoint.indexOf("://");
    return i < 0 ? "https" : endpoint.substring(0, i);
  }

  private static boolean isProxyTunnelRefusal(Throwable t) {
    String m = t.getMessage();
    return m != null && m.contains("Unable to tunnel through proxy") && m.contains("407");
  }

  private static boolean isCredentialRejection(String code) {
    return code != null && (code.equals("UnrecognizedClientException") || code.equals("InvalidSignatureException")
        || code.equals("ExpiredTokenException") || code.equals("InvalidClientTokenId")
        || code.equals("SignatureDoesNotMatch") || code.equals("MissingAuthenticationTokenException")
        || code.equals("IncompleteSignatureException"));
  }

  private static String serviceMessage(SdkException e) {
    if (e instanceof AwsServiceException) {
      AwsErrorDetails d = ((AwsServiceException) e).awsErrorDetails();
      if (d != null && d.errorMessage() != null && !d.errorMessage().trim().isEmpty()) {
        return " (AWS: " + Redacted.mask(d.errorMessage().trim()) + ")";
      }
    }
    return "";
  }

  private static Throwable rootNetworkCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof ConnectException || t instanceof SocketTimeoutException
          || t instanceof NoRouteToHostException || t instanceof SSLException
          || t instanceof java.io.InterruptedIOException
          || t instanceof java.io.IOException && isProxyTunnelRefusal(t)) {
        return t;
      }
    }
    return null;
  }

  private static String describeNetwork(Throwable t, Target target) {
    if (t instanceof UnknownHostException) {
      return "unknown host " + Redacted.mask(t.getMessage());
    }
    if (t instanceof ConnectException) {
      return "connection refused";
    }
    if (t instanceof NoRouteToHostException) {
      return "no route to host";
    }
    if (t instanceof SocketTimeoutException) {
      String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
      if (m.contains("connect")) {
        return "could not connect within " + seconds(target.network.connectTimeout()) + " (codeartifact.connectTimeout)";
      }
      return "no answer within " + seconds(target.network.readTimeout()) + " (codeartifact.readTimeout)";
    }
    if (t instanceof SSLException) {
      return "TLS failed (" + Redacted.mask(t.getMessage()) + ")"
          + (target.network.caBundle() == null ? "; a TLS-inspecting proxy needs its CA in codeartifact.caBundle"
              : "; is the server's CA in codeartifact.caBundle " + target.network.caBundle() + "?");
    }
    return t.getClass().getSimpleName();
  }

  static String seconds(Duration d) {
    return d.getSeconds() + " s";
  }
}
