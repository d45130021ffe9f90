package dev.codeartifact.core.aws;

import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.network.NetworkSettings;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.endpoint.AwsClientEndpointProvider;
import software.amazon.awssdk.awscore.endpoint.DualstackEnabledProvider;
import software.amazon.awssdk.awscore.endpoint.FipsEnabledProvider;
import software.amazon.awssdk.awscore.endpoints.AwsEndpointAttribute;
import software.amazon.awssdk.awscore.endpoints.authscheme.EndpointAuthScheme;
import software.amazon.awssdk.awscore.endpoints.authscheme.SigV4AuthScheme;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.endpoints.CodeartifactEndpointProvider;

/**
 * Where the token request goes and for which region it is signed, decided as {@code CodeartifactClient}
 * decides it: an endpoint override from {@code codeartifact.endpoint}, else {@code AWS_ENDPOINT_URL_CODEARTIFACT}
 * / {@code AWS_ENDPOINT_URL}, their {@code aws.endpointUrl*} system properties or the profile's
 * {@code endpoint_url} (the SDK's {@link AwsClientEndpointProvider}); FIPS and dual-stack from the
 * configuration, else the SDK's environment and profile settings; then CodeArtifact's own endpoint rules
 * (partitions, FIPS and dual-stack host names, invalid combinations), which ship with the SDK.
 */
final class TokenEndpoint {
  /**
   * How the SDK's {@link AwsClientEndpointProvider} says that nothing overrides the endpoint: the only signal it
   * gives ({@code isEndpointOverridden()} throws the same exception, and giving it a default to fall back on
   * would load the service metadata this class avoids), so this text is matched here and nowhere else.
   */
  private static final String NO_OVERRIDE = "Unable to determine the default client endpoint";
  private final URI base;
  private final String signingRegion;

  private TokenEndpoint(URI base, String signingRegion) {
    this.base = base;
    this.signingRegion = signingRegion;
  }

  static TokenEndpoint resolve(TokenRequest request, String region, NetworkSettings settings) {
    Region r = Region.of(region);
    String profile = request.profile();
    // Unset here: the SDK's own setting (environment, system property, the profile's use_fips_endpoint ...).
    Boolean fips = settings.fips() != null ? settings.fips()
        : (profile == null ? FipsEnabledProvider.builder() : FipsEnabledProvider.builder().profileName(profile))
            .build().isFipsEnabled().orElse(Boolean.FALSE);
    Boolean dualstack = settings.dualstack() != null ? settings.dualstack()
        : (profile == null ? DualstackEnabledProvider.builder() : DualstackEnabledProvider.builder().profileName(profile))
            .build().isDualstackEnabled().orElse(Boolean.FALSE);
    String override = configuredOverride(request, profile);
    Endpoint endpoint;
    try {
      endpoint = CodeartifactEndpointProvider.defaultProvider()
          .resolveEndpoint(p -> p.region(r).useFips(fips).useDualStack(dualstack).endpoint(override)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
    }
    String signing = region;
    List<EndpointAuthScheme> schemes = endpoint.attribute(AwsEndpointAttribute.AUTH_SCHEMES);
    if (schemes != null) {
      for (EndpointAuthScheme s : schemes) {
        if (s instanceof SigV4AuthScheme && ((SigV4AuthScheme) s).signingRegion() != null) {
          signing = ((SigV4AuthScheme) s).signingRegion();
          break;
        }
      }
    }
    return new TokenEndpoint(endpoint.url(), signing);
  }

  /**
   * The endpoint override from the configuration, the environment, system properties or the profile, or null.
   * Without a service prefix, region and protocol the SDK's provider skips its default (service metadata of
   * every AWS service: ~370 classes and a third of the old cold start) and reports that it found none.
   */
  private static String configuredOverride(TokenRequest request, String profile) {
    AwsClientEndpointProvider overrides = AwsClientEndpointProvider.builder()
        .clientEndpointOverride(request.endpoint())
        .serviceEndpointOverrideEnvironmentVariable("AWS_ENDPOINT_URL_CODEARTIFACT")
        .serviceEndpointOverrideSystemProperty("aws.endpointUrlCodeartifact")
        .serviceProfileProperty("codeartifact")
        .profileFile(ProfileFile::defaultProfileFile)
        .profileName(profile != null ? profile : ProfileFileSystemSetting.AWS_PROFILE.getStringValueOrThrow())
        .build();
    try {
      return overrides.clientEndpoint().toString();
    } catch (SdkClientException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(NO_OVERRIDE)) {
        return null;
      }
      throw e; // an override that is not a URI
    }
  }

  /** The endpoint's URL (scheme, host, port, and the override's path, if any). */
  URI base() {
    return base;
  }

  String signingRegion() {
    return signingRegion;
  }

  /** The endpoint as messages name it: its URL without a trailing slash. */
  String describe() {
    String s = base.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
