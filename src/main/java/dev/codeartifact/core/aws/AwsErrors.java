package dev.codeartifact.core.aws;

import dev.codeartifact.core.flow.CodeArtifactException.Kind;
import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.network.NetworkSettings;
import dev.codeartifact.core.network.ProxySettings;
import dev.codeartifact.core.util.Durations;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Words each kind of failure ({@link CallFailure}, {@link CredentialChain.Failure}) once, in one line that
 * tells the user what to do; the kind itself was decided where the failure was detected. Service error messages are quoted
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

  /** Any failure of the call: {@link CallFailure}, {@link CredentialChain.Failure}, else an unexpected SDK error. */
  static CodeArtifactException translate(RuntimeException e, TokenRequest request, Target target) {
    if (e instanceof CallFailure) {
      return translate((CallFailure) e, request, target);
    }
    if (e instanceof CredentialChain.Failure) {
      return translate((CredentialChain.Failure) e, request);
    }
    return new CodeArtifactException(Kind.OTHER, "Could not get a CodeArtifact token for " + request.describe()
        + " from " + target.endpoint + ": " + e.getClass().getSimpleName() + "; run with -e for details",
        Redacted.of(e));
  }

  /** The line for each kind of failed call, as {@link CallFailure} decided it. */
  private static CodeArtifactException translate(CallFailure f, TokenRequest request, Target target) {
    Throwable cause = Redacted.of(f);
    String what = request.describe();
    String endpoint = target.endpoint;
    String code = f.errorCode;
    switch (f.kind) {
      case ACCESS_DENIED:
        return new CodeArtifactException(f.kind, "Access denied getting a CodeArtifact token for " + what
            + ": the AWS identity needs the IAM permissions codeartifact:GetAuthorizationToken and"
            + " sts:GetServiceBearerToken" + serviceMessage(f), cause);
      case DOMAIN_NOT_FOUND:
        return new CodeArtifactException(f.kind, "CodeArtifact domain '" + request.domain() + "' with owner "
            + (request.domainOwner() == null ? "(the caller's account)" : request.domainOwner())
            + " was not found in region " + target.region + ": check codeartifact.domain, codeartifact.domainOwner and"
            + " codeartifact.region" + serviceMessage(f), cause);
      case CREDENTIALS_REJECTED:
        return new CodeArtifactException(f.kind, "AWS rejected the credentials used for CodeArtifact " + what + " ("
            + code + "): refresh them (aws sso login, aws configure) or choose other ones with AWS_PROFILE or"
            + " codeartifact.profile", cause);
      case THROTTLED:
        return new CodeArtifactException(f.kind, "CodeArtifact throttled the token request for " + what
            + " (ThrottlingException) after " + NetworkSettings.MAX_ATTEMPTS + " attempts: too many builds asked"
            + " at once; retry later or let builds share the token cache", cause);
      case PROXY_REFUSED:
        return new CodeArtifactException(f.kind, proxyRefusal(target, what), cause);
      case INVALID_PARAMETER:
        return new CodeArtifactException(f.kind, "CodeArtifact rejected the token request for " + what
            + serviceMessage(f) + ": check codeartifact.domain, codeartifact.domainOwner"
            + " and codeartifact.durationSeconds", cause);
      case NOT_A_TOKEN:
        return new CodeArtifactException(f.kind, "The CodeArtifact API at " + endpoint
            + " answered with something that is not a token response for " + what
            + ": check codeartifact.endpoint points at CodeArtifact", cause);
      case TLS_NOT_TRUSTED:
        return new CodeArtifactException(f.kind, untrusted(endpoint, target), cause);
      case TIMEOUT:
        if (f.network == null && f.totalBound) {
          return new CodeArtifactException(f.kind, "The CodeArtifact API at " + endpoint + " gave no token for " + what
              + " within " + Durations.seconds(target.network.totalTimeout()) + " (retries included): check the"
              + " network and proxy settings, or raise codeartifact.connectTimeout / codeartifact.readTimeout", cause);
        }
        if (f.network == null) {
          return new CodeArtifactException(f.kind, "The CodeArtifact API at " + endpoint + " did not answer within "
              + Durations.seconds(target.network.attemptTimeout()) + " for " + what + ": check the network and"
              + " proxy settings, or raise codeartifact.readTimeout", cause);
        }
        return unreachable(f, target, cause);
      case ENDPOINT_UNREACHABLE:
        return unreachable(f, target, cause);
      default:
        if (f.status >= 500) {
          return new CodeArtifactException(f.kind, "The CodeArtifact API at " + endpoint + " failed with HTTP "
              + f.status + (code == null ? "" : " (" + code + ")") + " for " + what + " after "
              + NetworkSettings.MAX_ATTEMPTS + " attempts: retry later", cause);
        }
        if (f.status > 0) {
          return new CodeArtifactException(f.kind, "The CodeArtifact API at " + endpoint + " refused the token request"
              + " for " + what + " with HTTP " + f.status + (code == null ? "" : " (" + code + ")") + serviceMessage(f)
              + ": check codeartifact.endpoint and codeartifact.region", cause);
        }
        return new CodeArtifactException(f.kind, "Could not get a CodeArtifact token for " + what + " from " + endpoint
            + ": " + f.getMessage() + "; run with -e for details", cause);
    }
  }

  private static CodeArtifactException unreachable(CallFailure f, Target target, Throwable cause) {
    return new CodeArtifactException(f.kind, "Cannot reach the CodeArtifact API at " + target.endpoint + " (region "
        + target.region + (target.proxy == null ? "" : ", through " + target.proxy.describe()) + "): "
        + describeNetwork(f.network, target) + "; check codeartifact.endpoint, codeartifact.region, the network and"
        + " proxy settings", cause);
  }

  /**
   * No credentials, or the configured source that failed: its name, its reason (masked: an SDK message may
   * quote a file) and the fix for that source.
   */
  private static CodeArtifactException translate(CredentialChain.Failure f, TokenRequest request) {
    Throwable cause = Redacted.of(f);
    String what = request.describe();
    if (f.kind == Kind.CREDENTIAL_SOURCE_FAILED) {
      return new CodeArtifactException(f.kind, "AWS credentials from " + f.source + " failed for CodeArtifact " + what
          + ": " + Redacted.mask(withoutFinalPeriod(f.reason)) + "; " + f.fix, cause);
    }
    return new CodeArtifactException(Kind.NO_CREDENTIALS, "No AWS credentials for CodeArtifact " + what
        + ": tried Java system properties (aws.accessKeyId), environment variables (AWS_ACCESS_KEY_ID,"
        + " AWS_SECRET_ACCESS_KEY), web identity (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN), the profile in"
        + " ~/.aws/config and ~/.aws/credentials (" + (request.profile() == null
            ? "AWS_PROFILE or 'default'" : "profile '" + request.profile() + "'")
        + "), container and instance credentials; sign in (aws sso login, aws configure) or set AWS_PROFILE"
        + " or codeartifact.profile", cause);
  }

  private static String withoutFinalPeriod(String s) {
    String t = s.trim();
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
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

  private static String serviceMessage(CallFailure f) {
    return f.serviceMessage == null || f.serviceMessage.trim().isEmpty() ? ""
        : " (AWS: " + Redacted.mask(f.serviceMessage.trim()) + ")";
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

  private static String describeNetwork(java.io.IOException t, Target target) {
    if (t instanceof ProxyTunnel.Refused) {
      return "the proxy refused the HTTPS tunnel (" + Redacted.mask(((ProxyTunnel.Refused) t).answer) + ")";
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
      // The JDK throws the same type for a connect and a read timeout; only its text ("connect timed out",
      // "Connect timed out" vs "Read timed out") tells which bound to name.
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
