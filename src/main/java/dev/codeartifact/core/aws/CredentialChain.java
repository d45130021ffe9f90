package dev.codeartifact.core.aws;

import dev.codeartifact.core.flow.CodeArtifactException.Kind;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.utils.SystemSetting;

/**
 * The SDK's default credential chain, with the same providers in the same order as
 * {@code DefaultCredentialsProvider} 2.40.2 (system properties, environment, web identity, profile, container,
 * instance metadata), or the one profile {@code codeartifact.profile} names. One difference: a source the user
 * configured (web identity variables; a profile with {@code role_arn}, SSO, {@code credential_process} or
 * {@code web_identity_token_file}; a container credentials endpoint) that fails ends the search with
 * {@link Failure}, naming that source, its reason (STS's error code and message) and the fix, as the AWS CLI
 * does. The SDK's chain would swallow that reason into "Unable to load credentials from any of the
 * providers" and go on probing the instance metadata endpoint. Whether a source is configured is asked only
 * after it failed, so a build that finds credentials pays nothing for it.
 */
final class CredentialChain implements AwsCredentialsProvider {
  private enum Source { SYSTEM_PROPERTIES, ENVIRONMENT, WEB_IDENTITY, PROFILE, CONTAINER, INSTANCE }

  /** Credentials could not be resolved: none configured ({@link Kind#NO_CREDENTIALS}), or a configured source failed. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final Kind kind;
    /** The configured source, for the message ({@code web identity (AWS_ROLE_ARN ...)}); null for NO_CREDENTIALS. */
    final String source;
    /** Why it failed: STS's error code and message, or the SDK's message (to be masked when quoted). */
    final String reason;
    /** What to do for that source. */
    final String fix;

    Failure(Kind kind, String source, String reason, String fix, Throwable cause) {
      super(source == null ? "no AWS credentials" : "credential source failed: " + source, cause);
      this.kind = kind;
      this.source = source;
      this.reason = reason;
      this.fix = fix;
    }
  }

  private final String profile;
  private final AwsCredentialsProvider[] providers = new AwsCredentialsProvider[Source.values().length];
  /** The source that last gave credentials: asked first next time, as the SDK's chain does. */
  private volatile Source last;

  /** {@code profile}: {@code codeartifact.profile}, or null for the whole chain. */
  CredentialChain(String profile) {
    this.profile = profile;
  }

  @Override
  public AwsCredentials resolveCredentials() {
    if (profile != null) {
      try {
        return provider(Source.PROFILE).resolveCredentials();
      } catch (RuntimeException e) {
        Failure f = configuredFailure(Source.PROFILE, e);
        throw f != null ? f : new Failure(Kind.NO_CREDENTIALS, null, null, null, e);
      }
    }
    Source remembered = last;
    if (remembered != null) {
      try {
        return provider(remembered).resolveCredentials();
      } catch (RuntimeException e) {
        // renewal failed: search the whole chain again
      }
    }
    RuntimeException lastFailure = null;
    for (Source s : Source.values()) {
      try {
        AwsCredentials c = provider(s).resolveCredentials();
        last = s;
        return c;
      } catch (RuntimeException e) {
        Failure f = configuredFailure(s, e);
        if (f != null) {
          throw f;
        }
        lastFailure = e;
      }
    }
    throw new Failure(Kind.NO_CREDENTIALS, null, null, null, lastFailure);
  }

  private synchronized AwsCredentialsProvider provider(Source s) {
    AwsCredentialsProvider p = providers[s.ordinal()];
    if (p == null) {
      p = create(s);
      providers[s.ordinal()] = p;
    }
    return p;
  }

  private AwsCredentialsProvider create(Source s) {
    switch (s) {
      case SYSTEM_PROPERTIES:
        return SystemPropertyCredentialsProvider.create();
      case ENVIRONMENT:
        return EnvironmentVariableCredentialsProvider.create();
      case WEB_IDENTITY:
        return WebIdentityTokenFileCredentialsProvider.create();
      case PROFILE:
        return profile == null ? ProfileCredentialsProvider.create() : ProfileCredentialsProvider.create(profile);
      case CONTAINER:
        return ContainerCredentialsProvider.builder().build();
      default:
        return InstanceProfileCredentialsProvider.builder().build();
    }
  }

  /** The failure of {@code s} when the user configured that source, else null (the search goes on). */
  private Failure configuredFailure(Source s, RuntimeException e) {
    switch (s) {
      case WEB_IDENTITY: {
        String role = setting(SdkSystemSetting.AWS_ROLE_ARN);
        String file = setting(SdkSystemSetting.AWS_WEB_IDENTITY_TOKEN_FILE);
        if (role == null && file == null) {
          return null;
        }
        return new Failure(Kind.CREDENTIAL_SOURCE_FAILED, "web identity (AWS_ROLE_ARN " + orUnset(role)
            + ", AWS_WEB_IDENTITY_TOKEN_FILE " + orUnset(file) + ")", reason(e, "AssumeRoleWithWebIdentity"),
            "the trust policy of that role must admit the identity token in that file (its issuer, audience and"
                + " subject: the CI's OIDC settings), or set AWS_ROLE_ARN to a role that does", e);
      }
      case PROFILE:
        return profileFailure(e);
      case CONTAINER: {
        String full = setting(SdkSystemSetting.AWS_CONTAINER_CREDENTIALS_FULL_URI);
        String relative = setting(SdkSystemSetting.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI);
        if (full == null && relative == null) {
          return null;
        }
        return new Failure(Kind.CREDENTIAL_SOURCE_FAILED, "the container credentials endpoint ("
            + (full != null ? "AWS_CONTAINER_CREDENTIALS_FULL_URI" : "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") + ")",
            reason(e, null), "check the task role (ECS) or the pod identity association (EKS) of this workload, and"
                + " that its credentials endpoint is reachable", e);
      }
      default:
        return null;
    }
  }

  private Failure profileFailure(RuntimeException e) {
    String name = profile != null ? profile : ProfileFileSystemSetting.AWS_PROFILE.getStringValueOrThrow();
    Optional<Profile> found;
    try {
      found = ProfileFile.defaultProfileFile().profile(name);
    } catch (RuntimeException unreadable) {
      return null; // the provider failed on the same files: nothing configured we could name
    }
    if (!found.isPresent()) {
      return null;
    }
    Profile p = found.get();
    String role = p.property(ProfileProperty.ROLE_ARN).orElse(null);
    boolean sso = p.property(ProfileProperty.SSO_START_URL).isPresent() || p.property("sso_session").isPresent();
    if (role != null && !p.property(ProfileProperty.WEB_IDENTITY_TOKEN_FILE).isPresent()) {
      String from = p.property(ProfileProperty.SOURCE_PROFILE).map(v -> "source_profile " + v)
          .orElseGet(() -> p.property(ProfileProperty.CREDENTIAL_SOURCE).map(v -> "credential_source " + v)
              .orElse("no source_profile"));
      return new Failure(Kind.CREDENTIAL_SOURCE_FAILED, "assume-role profile '" + name + "' (role_arn " + role + ", "
          + from + ")", reason(e, "AssumeRole"), "the trust policy of that role must admit the identity of the"
              + " source, and that identity needs sts:AssumeRole on the role; check role_arn and the source's keys",
          e);
    }
    if (role != null) {
      return new Failure(Kind.CREDENTIAL_SOURCE_FAILED, "web identity profile '" + name + "' (role_arn " + role
          + ", web_identity_token_file " + p.property(ProfileProperty.WEB_IDENTITY_TOKEN_FILE).get() + ")",
          reason(e, "AssumeRoleWithWebIdentity"), "the trust policy of that role must admit the identity token in"
              + " that file", e);
    }
    if (sso) {
      return new Failure(Kind.CREDENTIAL_SOURCE_FAILED, "SSO profile '" + name + "'", reason(e, null),
          "sign in again: aws sso login --profile " + name, e);
    }
    if (p.property(ProfileProperty.CREDENTIAL_PROCESS).isPresent()) {
      return new Failure(Kind.CREDENTIAL_SOURCE_FAILED, "profile '" + name + "' (credential_process)",
          reason(e, null), "run that profile's credential_process command by hand to see why it fails", e);
    }
    return null; // static keys or nothing: the generic line names the profile
  }

  /**
   * Why a source failed, by type: an STS answer gives its error code and message; anything else (a missing
   * token file, an expired SSO token, an unreachable endpoint) the SDK's message, or its type when it has none.
   */
  private static String reason(Throwable e, String operation) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AwsServiceException && ((AwsServiceException) t).awsErrorDetails() != null) {
        AwsServiceException s = (AwsServiceException) t;
        String code = s.awsErrorDetails().errorCode();
        String message = s.awsErrorDetails().errorMessage();
        String service = operation != null ? "STS " + operation
            : s.awsErrorDetails().serviceName() != null ? s.awsErrorDetails().serviceName() : "AWS";
        return service + " answered " + (code == null ? "HTTP " + s.statusCode() : code + " (HTTP " + s.statusCode() + ")")
            + (message == null ? "" : ": " + message);
      }
    }
    String m = e.getMessage();
    if (m == null || m.trim().isEmpty()) {
      Throwable c = e.getCause();
      m = c != null && c.getMessage() != null ? c.getClass().getSimpleName() + ": " + c.getMessage()
          : e.getClass().getSimpleName();
    }
    return m;
  }

  private static String setting(SystemSetting s) {
    String v = s.getStringValue().orElse(null);
    return v == null || v.trim().isEmpty() ? null : v.trim();
  }

  private static String orUnset(String v) {
    return v == null ? "unset" : v;
  }
}
