package dev.codeartifact.core.aws;

import dev.codeartifact.core.AuthorizationToken;
import dev.codeartifact.core.BuildLog;
import dev.codeartifact.core.CodeArtifactException;
import dev.codeartifact.core.NetworkSettings;
import dev.codeartifact.core.TokenRequest;
import dev.codeartifact.core.TokenSource;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.CodeartifactClientBuilder;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenRequest;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenResponse;

/**
 * Gets a token from the CodeArtifact API with the AWS SDK v2. The only class that touches the SDK, so a
 * build served from the cache never loads it. One client per (region, profile, endpoint), reused for the
 * whole build. SDK response objects print the token in {@code toString()}: none of them is ever logged.
 */
public final class AwsTokenSource implements TokenSource {
  private final NetworkSettings settings;
  private final BuildLog log;
  private final Map<String, CodeartifactClient> clients = new ConcurrentHashMap<>();

  public AwsTokenSource(NetworkSettings settings, BuildLog log) {
    this.settings = settings;
    this.log = log;
  }

  @Override
  public AuthorizationToken fetch(TokenRequest request) throws CodeArtifactException {
    String region = resolveRegion(request);
    String endpoint = endpointDescription(request, region);
    CodeartifactClient client = client(request, region);
    GetAuthorizationTokenRequest.Builder call = GetAuthorizationTokenRequest.builder().domain(request.domain());
    if (request.domainOwner() != null) {
      call.domainOwner(request.domainOwner());
    }
    if (request.durationSeconds() != null) {
      call.durationSeconds(request.durationSeconds().longValue());
    }
    log.debug("Requesting a CodeArtifact token for " + request.describe() + " from " + endpoint);
    GetAuthorizationTokenResponse response;
    try {
      response = client.getAuthorizationToken(call.build());
    } catch (SdkException e) {
      throw AwsErrors.translate(e, request, region, endpoint);
    }
    String secret = response.authorizationToken();
    Instant expiration = response.expiration();
    if (secret == null || secret.isEmpty() || expiration == null) {
      throw new CodeArtifactException("The CodeArtifact API at " + endpoint + " answered without "
          + (secret == null || secret.isEmpty() ? "an authorization token" : "an expiration")
          + " for " + request.describe() + ": check codeartifact.endpoint points at CodeArtifact");
    }
    if (!expiration.isAfter(Instant.now())) {
      throw new CodeArtifactException("The CodeArtifact API at " + endpoint + " answered with a token that expired at "
          + expiration + " for " + request.describe() + ": check the clock of this machine and codeartifact.endpoint");
    }
    return new AuthorizationToken(secret, expiration);
  }

  /** Region: the request's (configured or from the repository URL), else the SDK's region chain. */
  private String resolveRegion(TokenRequest request) throws CodeArtifactException {
    if (request.region() != null) {
      return request.region();
    }
    try {
      DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
      if (request.profile() != null) {
        chain.profileName(request.profile());
      }
      return chain.build().getRegion().id();
    } catch (SdkException e) {
      throw new CodeArtifactException("No AWS region for CodeArtifact " + request.describe()
          + ": set codeartifact.region (or <region>), AWS_REGION, or a region in the AWS profile");
    }
  }

  private static String endpointDescription(TokenRequest request, String region) {
    if (request.endpoint() != null) {
      return request.endpoint().toString();
    }
    String env = System.getenv("AWS_ENDPOINT_URL_CODEARTIFACT");
    if (env == null || env.isEmpty()) {
      env = System.getenv("AWS_ENDPOINT_URL");
    }
    return env != null && !env.isEmpty() ? env : "https://codeartifact." + region + ".amazonaws.com";
  }

  private CodeartifactClient client(TokenRequest request, String region) {
    String key = region + "|" + request.profile() + "|" + request.endpoint();
    return clients.computeIfAbsent(key, k -> newClient(request, region));
  }

  private CodeartifactClient newClient(TokenRequest request, String region) {
    AwsCredentialsProvider credentials = request.profile() != null
        ? ProfileCredentialsProvider.builder().profileName(request.profile()).build()
        : DefaultCredentialsProvider.builder().build();
    CodeartifactClientBuilder builder = CodeartifactClient.builder()
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .httpClient(UrlConnectionHttpClient.builder()
            .connectionTimeout(settings.connectTimeout())
            .socketTimeout(settings.readTimeout())
            .build());
    URI endpoint = request.endpoint();
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }
}
