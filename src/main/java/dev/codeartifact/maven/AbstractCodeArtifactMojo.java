package dev.codeartifact.maven;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.flow.Configuration;
import dev.codeartifact.core.flow.InvalidParameterException;
import dev.codeartifact.core.flow.Parameters;
import dev.codeartifact.core.network.ProxySettings;
import dev.codeartifact.maven.build.ErrorMessages;
import dev.codeartifact.maven.build.MavenLogs;
import dev.codeartifact.maven.build.MavenNetwork;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** Parameters every goal shares, each also a user property; turned into one {@link Configuration}. */
abstract class AbstractCodeArtifactMojo extends AbstractMojo {
  /**
   * The CodeArtifact domain: 2 to 50 characters, {@code a-z}, {@code 0-9} and {@code -}. Optional for
   * {@code authenticate} and {@code login} when the repositories' URLs name it (discovery: one token per
   * distinct domain, owner and region found); required with {@code serverIds} and for {@code token}.
   * Default: the domains of the build's CodeArtifact repository URLs.
   *
   * @since 0.1.0
   */
  @Parameter(property = Configuration.DOMAIN)
  String domain;

  /**
   * The AWS account id (12 digits) that owns the domain. Default: the owner in the repository URL, else
   * the caller's account.
   *
   * @since 0.1.0
   */
  @Parameter(property = Configuration.DOMAIN_OWNER)
  String domainOwner;

  /**
   * Token lifetime in seconds: 0 (as long as the caller's role session) or 900 to 43200. A cached token
   * is reused while a quarter of its life is left (between 5 and 60 minutes). Default: not sent, so the
   * service's 12 hours.
   *
   * @since 0.1.0
   */
  @Parameter(property = Configuration.DURATION)
  String durationSeconds;

  /**
   * AWS region of the domain. Default: the region in the repository URL, else the AWS region chain
   * ({@code AWS_REGION}, the profile's region).
   *
   * @since 0.1.0
   */
  @Parameter(property = Configuration.REGION)
  String region;

  /**
   * AWS named profile (from {@code ~/.aws/config}) to sign in with: SSO, assume-role and web identity
   * profiles work. Default: the SDK's default credential chain, which honours {@code AWS_PROFILE}.
   *
   * @since 0.1.0
   */
  @Parameter(property = Configuration.PROFILE)
  String profile;

  /**
   * Comma-separated server ids (repository, mirror or distribution ids) that get the token. Default:
   * for {@code authenticate}, every repository of the build whose URL is a CodeArtifact URL; for
   * {@code login}, the servers found from {@code url}. Needs {@code domain}. Not used by {@code token}
   * and {@code purge}.
   *
   * @since 0.1.0
   */
  @Parameter(property = Configuration.SERVER_IDS)
  String serverIds;

  /**
   * CodeArtifact API URL, for VPC endpoints and tests. Default: the SDK's endpoint, which honours
   * {@code AWS_ENDPOINT_URL_CODEARTIFACT} and {@code AWS_ENDPOINT_URL}.
   *
   * @since 0.1.0
   */
  @Parameter(property = Configuration.ENDPOINT)
  String endpoint;

  /**
   * Whether tokens are kept in the disk cache shared by every build of this user, so that builds on one
   * machine make one token request between them ({@code false}: always ask AWS, and leave the cache
   * alone).
   *
   * @since 0.1.0
   */
  @Parameter(property = Configuration.CACHE, defaultValue = "true")
  String cache;

  /**
   * Folder of the token cache (created 0700; files 0600), which also holds the unpacked AWS SDK.
   * Default: the environment variable {@code CODEARTIFACT_CACHE_DIR}, else
   * {@code ~/.m2/codeartifact-cache}.
   *
   * @since 0.1.0
   */
  @Parameter(property = Configuration.CACHE_DIR)
  String cacheDir;

  /**
   * Use {@code CODEARTIFACT_AUTH_TOKEN} from the environment as the token, with no AWS call, when it is
   * set: for CI steps that already hold a token. A repository that answers 401 to it gets a WARN line
   * saying that the exported token expired or belongs to another domain.
   *
   * @since 0.1.0
   */
  @Parameter(property = Configuration.TOKEN_FROM_ENVIRONMENT, defaultValue = "false")
  String tokenFromEnvironment;

  /**
   * Whether a failure to get a token fails the build ({@code false}: one WARN line and the build goes on
   * without the token).
   *
   * @since 0.1.0
   */
  @Parameter(property = Configuration.FAIL_ON_ERROR, defaultValue = "true")
  String failOnError;

  /**
   * Connect timeout of the CodeArtifact API call, in seconds (1 to 600). Default: 10.
   *
   * @since 0.1.0
   */
  @Parameter(property = Configuration.CONNECT_TIMEOUT)
  String connectTimeout;

  /**
   * Read timeout of the CodeArtifact API call, in seconds (1 to 600). Default: 30.
   *
   * @since 0.1.0
   */
  @Parameter(property = Configuration.READ_TIMEOUT)
  String readTimeout;

  /**
   * PEM file of CA certificates to trust for the CodeArtifact API (TLS-inspecting proxies), like the AWS
   * CLI's {@code --ca-bundle}. Default: the JVM's trust store.
   *
   * @since 0.1.0
   */
  @Parameter(property = Configuration.CA_BUNDLE)
  String caBundle;

  /**
   * Use the FIPS endpoint of the CodeArtifact API. Default: the SDK's setting ({@code AWS_USE_FIPS_ENDPOINT}).
   *
   * @since 0.1.0
   */
  @Parameter(property = Configuration.FIPS)
  String fips;

  /**
   * Use the dual-stack (IPv6) endpoint of the CodeArtifact API. Default: the SDK's setting
   * ({@code AWS_USE_DUALSTACK_ENDPOINT}).
   *
   * @since 0.1.0
   */
  @Parameter(property = Configuration.DUALSTACK)
  String dualstack;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  public MavenSession session;

  /** Maven's settings decrypter: encrypted proxy passwords for the API call (see {@link MavenNetwork}). */
  @Component
  public SettingsDecrypter settingsDecrypter;

  /** Everything above as one configuration, by user-property name; {@link Parameters} validates it. */
  Configuration configuration() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(Configuration.DOMAIN, domain);
    values.put(Configuration.DOMAIN_OWNER, domainOwner);
    values.put(Configuration.DURATION, durationSeconds);
    values.put(Configuration.REGION, region);
    values.put(Configuration.PROFILE, profile);
    values.put(Configuration.SERVER_IDS, serverIds);
    values.put(Configuration.ENDPOINT, endpoint);
    values.put(Configuration.CACHE, cache);
    values.put(Configuration.CACHE_DIR, cacheDir);
    values.put(Configuration.TOKEN_FROM_ENVIRONMENT, tokenFromEnvironment);
    values.put(Configuration.FAIL_ON_ERROR, failOnError);
    values.put(Configuration.CONNECT_TIMEOUT, connectTimeout);
    values.put(Configuration.READ_TIMEOUT, readTimeout);
    values.put(Configuration.CA_BUNDLE, caBundle);
    values.put(Configuration.FIPS, fips);
    values.put(Configuration.DUALSTACK, dualstack);
    return Configuration.of(values);
  }

  /** Maven's active proxies for the AWS call, passwords decrypted. */
  List<ProxySettings> proxies() {
    return session == null ? Collections.<ProxySettings>emptyList()
        : MavenNetwork.proxies(session.getRequest(), settingsDecrypter, log());
  }

  /** The validated parameters of this goal. */
  public Parameters parameters() throws MojoExecutionException {
    try {
      return Parameters.parse(configuration(), proxies());
    } catch (InvalidParameterException e) {
      throw failure(e);
    }
  }

  BuildLog log() {
    return MavenLogs.of(getLog());
  }

  /** A failure in Maven's terms: an invalid parameter names both the POM element and the user property. */
  static MojoExecutionException failure(CodeArtifactException e) {
    return new MojoExecutionException(e instanceof InvalidParameterException
        ? ErrorMessages.forPom((InvalidParameterException) e) : e.getMessage(), e);
  }
}
