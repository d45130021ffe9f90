package dev.codeartifact.core.aws;

import dev.codeartifact.core.CodeArtifactException;
import dev.codeartifact.core.Durations;
import dev.codeartifact.core.NetworkSettings;
import dev.codeartifact.core.ProxySettings;
import dev.codeartifact.core.TokenRequest;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
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
          + " within " + Durations.seconds(target.network.totalTimeout()) + " (retries included): check the"
          + " network and proxy settings, or raise codeartifact.connectTimeout / codeartifact.readTimeout", cause);
    }
    if (e instanceof ApiCallAttemptTimeoutException) {
      return new CodeArtifactException("The CodeArtifact API at " + endpoint + " did not answer within "
          + Durations.seconds(target.network.attemptTimeout()) + " for " + what + ": check the network and"
          + " proxy settings, or raise codeartifact.readTimeout", cause);
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
      if (isUntrustedCertificate(network)) {
        return new CodeArtifactException(untrusted(endpoint, target), cause);
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
        ? ": its password in settings.xml is encrypted and could not be decrypted; check the master password in"
            + " ~/.m2/settings-security.xml (or the file -Dsettings.security names)"
        : target.proxy != null && target.proxy.username() == null
            ? ": give the proxy a <username> and <password> in settings.xml"
            : ": check <username> and <password> of the proxy in settings.xml";
    return proxy + " refused the CodeArtifact API call for " + what + " with 407 Proxy Authentication Required"
        + hint;
  }

  private static boolean isProxyTunnelRefusal(Throwable t) {
    return isTunnelRefusal(t) && t.getMessage().contains(" 407");
  }

  /** The JDK's (and {@link ProxyTunnel}'s) failure to open a tunnel: the proxy answered CONNECT with non-2xx. */
  private static boolean isTunnelRefusal(Throwable t) {
    String m = t.getMessage();
    return m != null && m.contains("Unable to tunnel through proxy");
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
          || t instanceof java.io.IOException && isTunnelRefusal(t)) {
        return t;
      }
    }
    return null;
  }

  /**
   * A server certificate no trust anchor accepts (unknown or self-signed issuer): the common case behind a
   * TLS-inspecting proxy, with its own line naming the fix. Host-name mismatches and other TLS failures
   * keep the general {@code TLS failed (...)} wording.
   */
  static boolean isUntrustedCertificate(Throwable tls) {
    for (Throwable t = tls; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.security.cert.CertPathBuilderException
          || t instanceof java.security.cert.CertPathValidatorException) {
        return true;
      }
      String m = t.getMessage();
      if (m != null && (m.contains("unable to find valid certification path") || m.contains("PKIX path"))) {
        return true;
      }
    }
    return false;
  }

  /** The line for an untrusted server certificate; quotes no remote text. */
  static String untrusted(String endpoint, Target target) {
    String through = target.proxy == null ? "" : " (through " + target.proxy.describe() + ")";
    return target.network.caBundle() == null
        ? "The TLS certificate of the CodeArtifact API at " + endpoint + through + " is not trusted by this JVM:"
            + " if a TLS-inspecting proxy or a private CA issued it, put that CA certificate (PEM) into"
            + " codeartifact.caBundle"
        : "The TLS certificate of the CodeArtifact API at " + endpoint + through + " is trusted neither by this"
            + " JVM nor by codeartifact.caBundle " + target.network.caBundle() + ": add the CA that issued it"
            + " (PEM) to that file";
  }

  private static String describeNetwork(Throwable t, Target target) {
    if (isTunnelRefusal(t)) {
      String m = t.getMessage();
      int i = m.indexOf(ProxyTunnel.REFUSED);
      String answer = i < 0 ? "" : m.substring(i + ProxyTunnel.REFUSED.length());
      int end = answer.indexOf('"');
      answer = end < 0 ? answer : answer.substring(0, end);
      return "the proxy refused the HTTPS tunnel (" + Redacted.mask(answer) + ")";
    }
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
        return "could not connect within " + Durations.seconds(target.network.connectTimeout())
            + " (codeartifact.connectTimeout)";
      }
      return "no answer within " + Durations.seconds(target.network.readTimeout()) + " (codeartifact.readTimeout)";
    }
    if (t instanceof SSLException) {
      return "TLS failed (" + Redacted.mask(t.getMessage()) + ")"
          + (target.network.caBundle() == null ? "; a TLS-inspecting proxy needs its CA in codeartifact.caBundle"
              : "; is the server's CA in codeartifact.caBundle " + target.network.caBundle() + "?");
    }
    return t.getClass().getSimpleName();
  }
}
