package dev.codeartifact.core.aws;

import dev.codeartifact.core.CodeArtifactException;
import dev.codeartifact.core.TokenRequest;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codeartifact.model.AccessDeniedException;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;

/**
 * Turns SDK failures into one line that tells the user what to do. SDK messages are only quoted where
 * they come from the service's error body (never a response that could carry a token), and the original
 * exception is kept as the cause for {@code -e}.
 */
final class AwsErrors {
  private AwsErrors() {}

  static CodeArtifactException translate(SdkException e, TokenRequest request, String region, String endpoint) {
    String what = request.describe();
    if (e instanceof AccessDeniedException) {
      return new CodeArtifactException("Access denied getting a CodeArtifact token for " + what
          + ": the AWS identity needs the IAM permissions codeartifact:GetAuthorizationToken and"
          + " sts:GetServiceBearerToken" + serviceMessage(e), e);
    }
    if (e instanceof ResourceNotFoundException) {
      return new CodeArtifactException("CodeArtifact domain '" + request.domain() + "' with owner "
          + (request.domainOwner() == null ? "(the caller's account)" : request.domainOwner())
          + " was not found in region " + region + ": check codeartifact.domain, codeartifact.domainOwner and"
          + " codeartifact.region" + serviceMessage(e), e);
    }
    if (e instanceof AwsServiceException) {
      AwsServiceException s = (AwsServiceException) e;
      String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
      int status = s.statusCode();
      if (isCredentialRejection(code, status)) {
        return new CodeArtifactException("AWS rejected the credentials used for CodeArtifact " + what + " ("
            + code + "): refresh them (aws sso login, aws configure) or choose other ones with AWS_PROFILE or"
            + " codeartifact.profile", e);
      }
      if (status == 429 || "ThrottlingException".equals(code)) {
        return new CodeArtifactException("CodeArtifact throttled the token request for " + what
            + " (ThrottlingException) after retries: too many builds asked at once; retry later or let builds"
            + " share the token cache", e);
      }
      if (status >= 500) {
        return new CodeArtifactException("The CodeArtifact API at " + endpoint + " failed with HTTP " + status
            + (code == null ? "" : " (" + code + ")") + " for " + what + " after retries: retry later", e);
      }
      if (status == 400 && "ValidationException".equals(code)) {
        return new CodeArtifactException("CodeArtifact rejected the token request for " + what
            + serviceMessage(e).replaceFirst("^: ", ": ") + ": check codeartifact.domain, codeartifact.domainOwner"
            + " and codeartifact.durationSeconds", e);
      }
      return new CodeArtifactException("The CodeArtifact API at " + endpoint + " refused the token request for "
          + what + " with HTTP " + status + (code == null ? "" : " (" + code + ")") + serviceMessage(e)
          + ": check codeartifact.endpoint and codeartifact.region", e);
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
          + " or codeartifact.profile", e);
    }
    Throwable cause = rootNetworkCause(e);
    if (cause != null) {
      return new CodeArtifactException("Cannot reach the CodeArtifact API at " + endpoint + " (region " + region
          + "): " + describeNetwork(cause) + "; check codeartifact.endpoint, codeartifact.region, the network and"
          + " proxy settings", e);
    }
    if (message.contains("Unable to unmarshall") || message.contains("Unable to parse")
        || message.contains("JSON") || message.contains("unmarshall")) {
      return new CodeArtifactException("The CodeArtifact API at " + endpoint
          + " answered with something that is not a token response for " + what
          + ": check codeartifact.endpoint points at CodeArtifact", e);
    }
    return new CodeArtifactException("Could not get a CodeArtifact token for " + what + " from " + endpoint + ": "
        + e.getClass().getSimpleName() + "; run with -e for details", e);
  }

  private static boolean isCredentialRejection(String code, int status) {
    return code != null && (code.equals("UnrecognizedClientException") || code.equals("InvalidSignatureException")
        || code.equals("ExpiredTokenException") || code.equals("InvalidClientTokenId")
        || code.equals("SignatureDoesNotMatch") || code.equals("MissingAuthenticationTokenException")
        || code.equals("IncompleteSignatureException"));
  }

  private static String serviceMessage(SdkException e) {
    if (e instanceof AwsServiceException) {
      AwsErrorDetails d = ((AwsServiceException) e).awsErrorDetails();
      if (d != null && d.errorMessage() != null && !d.errorMessage().isEmpty()) {
        return " (AWS: " + d.errorMessage().replaceAll("[\\r\\n]+", " ") + ")";
      }
    }
    return "";
  }

  private static Throwable rootNetworkCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof ConnectException || t instanceof SocketTimeoutException
          || t instanceof NoRouteToHostException || t instanceof SSLException
          || t instanceof InterruptedIOException) {
        return t;
      }
    }
    return null;
  }

  private static String describeNetwork(Throwable t) {
    if (t instanceof UnknownHostException) {
      return "unknown host " + t.getMessage();
    }
    if (t instanceof ConnectException) {
      return "connection refused";
    }
    if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
      return "timed out (" + t.getMessage() + ")";
    }
    if (t instanceof SSLException) {
      return "TLS failed (" + t.getMessage() + ")";
    }
    return t.getClass().getSimpleName();
  }
}
