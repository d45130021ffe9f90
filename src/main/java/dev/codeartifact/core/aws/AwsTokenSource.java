package dev.codeartifact.core.aws;

import dev.codeartifact.core.AuthorizationToken;
import dev.codeartifact.core.BuildLog;
import dev.codeartifact.core.CodeArtifactException;
import dev.codeartifact.core.NetworkSettings;
import dev.codeartifact.core.ProxySettings;
import dev.codeartifact.core.TokenRequest;
import dev.codeartifact.core.TokenSource;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SystemPropertyTlsKeyManagersProvider;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
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
 *
 * <p>Network: the connect and read timeouts, retries and overall bounds of {@link NetworkSettings}; the
 * Maven proxy for the endpoint's protocol (else the JVM's {@code https.proxyHost}-style properties, which
 * the url-connection client honours through the JDK), with its credentials (for https through
 * {@link ProxyTunnel}); the extra CA bundle; FIPS and dual-stack only when
 * set (else the SDK's own {@code AWS_USE_FIPS_ENDPOINT} / {@code AWS_USE_DUALSTACK_ENDPOINT} apply).
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
    ProxySettings proxy = proxyFor(endpoint);
    AwsErrors.Target target = new AwsErrors.Target(region, endpoint, settings, proxy);
    CodeartifactClient client;
    long started = System.nanoTime();
    try {
      client = client(request, region, proxy);
    } catch (SdkException e) {
      throw AwsErrors.translate(e, request, target);
    }
    long built = System.nanoTime();
    GetAuthorizationTokenRequest.Builder call = GetAuthorizationTokenRequest.builder().domain(request.domain());
    if (request.domainOwner() != null) {
      call.domainOwner(request.domainOwner());
    }
    if (request.durationSeconds() != null) {
      call.durationSeconds(request.durationSeconds().longValue());
    }
    log.debug("Requesting a CodeArtifact token for " + request.describe() + " from " + endpoint
        + (proxy == null ? "" : " through " + proxy.describe()) + " (at most " + NetworkSettings.MAX_ATTEMPTS
        + " attempts within " + AwsErrors.seconds(settings.totalTimeout()) + ")");
    GetAuthorizationTokenResponse response;
    try {
      response = client.getAuthorizationToken(call.build());
    } catch (SdkException e) {
      throw AwsErrors.translate(e, request, target);
    }
    // Where a cold token's time goes (SDK start-up vs the round trip), for -X and benchmarks/run.sh.
    log.debug("CodeArtifact token call: SDK client ready in " + (built - started) / 1_000_000 + " ms, answer after "
        + (System.nanoTime() - built) / 1_000_000 + " ms more");
    // Never log or quote `response`: its toString() prints the token.
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

  /** The Maven proxy for the endpoint's scheme and host, or null (direct, or the JVM's proxy properties). */
  private ProxySettings proxyFor(String endpoint) {
    if (settings.proxies().isEmpty()) {
      return null;
    }
    URI uri;
    try {
      uri = URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return settings.proxyFor(uri.getScheme() == null ? "https" : uri.getScheme(), uri.getHost());
  }

  private CodeartifactClient client(TokenRequest request, String region, ProxySettings proxy) {
    String key = region + "|" + request.profile() + "|" + request.endpoint() + "|" + (proxy == null ? "" : proxy.id());
    return clients.computeIfAbsent(key, k -> newClient(request, region, proxy));
  }

  private CodeartifactClient newClient(TokenRequest request, String region, ProxySettings proxy) {
    AwsCredentialsProvider credentials = request.profile() != null
        ? ProfileCredentialsProvider.builder().profileName(request.profile()).build()
        : DefaultCredentialsProvider.builder().build();
    SdkHttpClient httpClient;
    if (tunnelsWithCredentials(proxy, request)) {
      // An authenticating proxy for an HTTPS endpoint: our own CONNECT (see ProxyTunnel).
      log.debug("Opening the HTTPS tunnel through " + proxy.describe() + " with its credentials");
      httpClient = UrlConnectionHttpClient.create(
          new ProxyTunnel(proxy, tlsSocketFactory(), settings.connectTimeout(), settings.readTimeout())
              .connectionFactory());
    } else {
      UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder()
          .connectionTimeout(settings.connectTimeout())
          .socketTimeout(settings.readTimeout());
      if (proxy != null) {
        http.proxyConfiguration(proxyConfiguration(proxy, request));
      }
      if (!settings.caCertificates().isEmpty()) {
        http.tlsTrustManagersProvider(new CaBundleTrust(settings.caCertificates()));
      }
      httpClient = http.build();
    }
    CodeartifactClientBuilder builder = CodeartifactClient.builder()
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .httpClient(httpClient)
        .overrideConfiguration(o -> o
            .retryStrategy(AwsRetry.strategy())
            .apiCallAttemptTimeout(settings.attemptTimeout())
            .apiCallTimeout(settings.totalTimeout()));
    if (settings.fips() != null) {
      builder.fipsEnabled(settings.fips());
    }
    if (settings.dualstack() != null) {
      builder.dualstackEnabled(settings.dualstack());
    }
    URI endpoint = request.endpoint();
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  /**
   * Whether the call needs {@link ProxyTunnel}: a proxy with (usable) credentials and an HTTPS endpoint. With
   * FIPS or dual-stack the SDK picks another host name, so the endpoint is https unless it is explicitly http.
   */
  private static boolean tunnelsWithCredentials(ProxySettings proxy, TokenRequest request) {
    return proxy != null && proxy.username() != null && proxy.password() != null && !proxy.passwordIsEncrypted()
        && !isPlainHttp(request);
  }

  private static boolean isPlainHttp(TokenRequest request) {
    return request.endpoint() != null && "http".equalsIgnoreCase(request.endpoint().getScheme())
        || request.endpoint() == null && endpointIsPlainHttp();
  }

  /** TLS as the SDK's client sets it up: the JVM's trust (plus the CA bundle), the SDK's key managers. */
  private SSLSocketFactory tlsSocketFactory() {
    try {
      TrustManager[] trust = settings.caCertificates().isEmpty() ? null
          : new CaBundleTrust(settings.caCertificates()).trustManagers();
      KeyManager[] keys = SystemPropertyTlsKeyManagersProvider.create().keyManagers();
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot set up TLS for the CodeArtifact API call: " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * The SDK's proxy settings for a Maven proxy without {@link ProxyTunnel}. Credentials go only to
   * plain-http endpoints (the proxy reads them on the forwarded request): for an https endpoint the SDK would
   * put {@code Proxy-Authorization} on the request inside the TLS tunnel, handing the password to the API host
   * (the https case with credentials takes {@link ProxyTunnel} instead). An encrypted ({@code {...}}) password
   * that could not be decrypted is never sent.
   */
  private ProxyConfiguration proxyConfiguration(ProxySettings proxy, TokenRequest request) {
    ProxyConfiguration.Builder b = ProxyConfiguration.builder()
        .useSystemPropertyValues(Boolean.FALSE)
        .useEnvironmentVariablesValues(Boolean.FALSE)
        .endpoint(URI.create("http://" + (proxy.host().contains(":") ? "[" + proxy.host() + "]" : proxy.host())
            + ":" + proxy.port()))
        .nonProxyHosts(new java.util.HashSet<>(proxy.nonProxyHostPatterns()));
    if (proxy.username() != null && proxy.password() != null && !proxy.passwordIsEncrypted() && isPlainHttp(request)) {
      b.username(proxy.username()).password(proxy.password());
    } else if (proxy.username() != null && proxy.passwordIsEncrypted()) {
      log.debug("Not sending the credentials of " + proxy.describe() + " with the CodeArtifact API call"
          + " (its password could not be decrypted)");
    }
    return b.build();
  }

  private static boolean endpointIsPlainHttp() {
    String env = System.getenv("AWS_ENDPOINT_URL_CODEARTIFACT");
    if (env == null || env.isEmpty()) {
      env = System.getenv("AWS_ENDPOINT_URL");
    }
    return env != null && env.toLowerCase(java.util.Locale.ROOT).startsWith("http://");
  }
}
