package dev.codeartifact.core.aws;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.CodeArtifactException.Kind;
import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.network.NetworkSettings;
import dev.codeartifact.core.network.ProxySettings;
import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.core.token.ExpiryMargin;
import dev.codeartifact.core.token.TokenSource;
import dev.codeartifact.core.util.Durations;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SystemPropertyTlsKeyManagersProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Gets a token from the CodeArtifact API with the AWS SDK v2's parts, not its service client: the SDK's
 * credential providers (every source the AWS CLI knows), region chain, endpoint rules ({@link TokenEndpoint})
 * and SigV4 signer, and the JDK's {@link HttpURLConnection} for the one POST ({@link TokenCall}, which also
 * retries and bounds it). Why not {@code CodeartifactClient}: building one costs ~0.5 s of class loading and
 * set-up before the first byte is sent (measured by benchmarks/run.sh), more than the AWS CLI takes for the
 * whole call; the parts used here cost ~0.1 s. The only class, with the rest of this package, that touches
 * the SDK, so a build served from the cache never loads it. The token in an answer is never logged.
 *
 * <p>Network: the connect and read timeouts, retries and overall bounds of {@link NetworkSettings}; the
 * Maven proxy for the endpoint's protocol and host (Maven's {@code nonProxyHosts} go direct), else the JVM's
 * {@code https.proxyHost}-style properties; proxy credentials for an https endpoint through
 * {@link ProxyTunnel}; the extra CA bundle; FIPS and dual-stack when set (else the SDK's own
 * {@code AWS_USE_FIPS_ENDPOINT} / {@code AWS_USE_DUALSTACK_ENDPOINT} and profile settings apply).
 */
public final class AwsTokenSource implements TokenSource {
  private final NetworkSettings settings;
  private final BuildLog log;
  /** One provider per profile for the whole build: providers cache what they resolve (SSO, roles). */
  private final Map<String, AwsCredentialsProvider> credentials = new ConcurrentHashMap<>();

  public AwsTokenSource(NetworkSettings settings, BuildLog log) {
    this.settings = settings;
    this.log = log;
  }

  @Override
  public AuthorizationToken fetch(TokenRequest request) throws CodeArtifactException {
    long started = System.nanoTime();
    String region = resolveRegion(request);
    TokenEndpoint endpoint;
    try {
      endpoint = TokenEndpoint.resolve(request, region, settings);
    } catch (RuntimeException e) { // the SDK's endpoint rules refused the configuration, or an override is no URI
      throw AwsErrors.translate(e, request, new AwsErrors.Target(region, describe(request, region), settings, null));
    }
    URI uri = endpoint.base();
    ProxySettings proxy = settings.proxies().isEmpty() ? null
        : settings.proxyFor(uri.getScheme() == null ? "https" : uri.getScheme(), uri.getHost());
    AwsErrors.Target target = new AwsErrors.Target(region, endpoint.describe(), settings, proxy);
    log.debug("Requesting a CodeArtifact token for " + request.describe() + " from " + endpoint.describe()
        + (proxy == null ? "" : " through " + proxy.describe()) + " (at most " + NetworkSettings.MAX_ATTEMPTS
        + " attempts within " + Durations.seconds(settings.totalTimeout()) + ")");
    TokenCall call = new TokenCall(request, endpoint, provider(request), settings, uri2 -> open(uri2, proxy));
    TokenCall.Answer answer;
    try {
      answer = call.run(started);
    } catch (RuntimeException e) { // CallFailure, CredentialChain.Failure, or an SDK part's own error
      throw AwsErrors.translate(e, request, target);
    }
    // Where a cold token's time goes, for -X and benchmarks/run.sh.
    log.debug("CodeArtifact token call: answer after " + (System.nanoTime() - started) / 1_000_000 + " ms ("
        + answer.attempts + (answer.attempts == 1 ? " attempt)" : " attempts)"));
    if (answer.secret == null || answer.secret.isEmpty() || answer.expiration == null) {
      throw new CodeArtifactException(Kind.NOT_A_TOKEN, "The CodeArtifact API at " + endpoint.describe() + " answered without "
          + (answer.secret == null || answer.secret.isEmpty() ? "an authorization token" : "an expiration")
          + " for " + request.describe() + ": check codeartifact.endpoint points at CodeArtifact");
    }
    if (ExpiryMargin.expired(answer.expiration, Instant.now())) {
      throw new CodeArtifactException(Kind.NOT_A_TOKEN, "The CodeArtifact API at " + endpoint.describe()
          + " answered with a token that expired at " + answer.expiration + " for " + request.describe()
          + ": check the clock of this machine and codeartifact.endpoint");
    }
    return new AuthorizationToken(answer.secret, answer.expiration);
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
      throw new CodeArtifactException(Kind.INVALID_PARAMETER, "No AWS region for CodeArtifact " + request.describe()
          + ": set codeartifact.region (or <region>), AWS_REGION, or a region in the AWS profile");
    }
  }

  /** For messages when the endpoint rules themselves fail: what the user configured, or the default host. */
  private static String describe(TokenRequest request, String region) {
    if (request.endpoint() != null) {
      return request.endpoint().toString();
    }
    String env = System.getenv("AWS_ENDPOINT_URL_CODEARTIFACT");
    if (env == null || env.isEmpty()) {
      env = System.getenv("AWS_ENDPOINT_URL");
    }
    return env != null && !env.isEmpty() ? env : "https://codeartifact." + region + ".amazonaws.com";
  }

  private AwsCredentialsProvider provider(TokenRequest request) {
    String profile = request.profile();
    return credentials.computeIfAbsent(profile == null ? "" : profile, p -> new CredentialChain(profile));
  }

  /**
   * A connection to {@code uri}: through {@link ProxyTunnel} for an https endpoint behind a proxy with
   * credentials; through the Maven proxy otherwise (credentials, if any, only on plain-http requests, which
   * the proxy itself reads: on https they would travel inside the tunnel to AWS); direct for a host of its
   * {@code nonProxyHosts}; with the JVM's own proxy settings when Maven has no proxy.
   */
  private HttpURLConnection open(URI uri, ProxySettings proxy) throws IOException {
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    boolean usableCredentials = proxy != null && proxy.username() != null && proxy.password() != null
        && !proxy.passwordIsEncrypted();
    if (proxy != null && proxy.username() != null && proxy.passwordIsEncrypted()) {
      log.debug("Not sending the credentials of " + proxy.describe() + " with the CodeArtifact API call"
          + " (its password could not be decrypted)");
    }
    if (https && usableCredentials) {
      log.debug("Opening the HTTPS tunnel through " + proxy.describe() + " with its credentials");
      return new ProxyTunnel(proxy, tlsSocketFactory(), settings.connectTimeout(), settings.readTimeout()).open(uri);
    }
    HttpURLConnection c;
    if (proxy != null) {
      c = (HttpURLConnection) uri.toURL().openConnection(
          new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
      if (usableCredentials) {
        c.setRequestProperty("Proxy-Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (proxy.username() + ":" + proxy.password()).getBytes(StandardCharsets.UTF_8)));
      }
    } else if (!settings.proxies().isEmpty()) {
      c = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY); // in Maven's nonProxyHosts
    } else {
      c = (HttpURLConnection) uri.toURL().openConnection();
    }
    if (https && !settings.caCertificates().isEmpty()) {
      ((HttpsURLConnection) c).setSSLSocketFactory(tlsSocketFactory());
    }
    c.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()));
    c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, settings.readTimeout().toMillis()));
    return c;
  }

  private volatile SSLSocketFactory tls;

  /**
   * TLS with {@code codeartifact.caBundle} (or, for {@link ProxyTunnel}, the JVM's trust) and the key
   * managers of the {@code javax.net.ssl.keyStore} properties, as the JVM's default context has them.
   */
  private SSLSocketFactory tlsSocketFactory() {
    SSLSocketFactory f = tls;
    if (f != null) {
      return f;
    }
    try {
      TrustManager[] trust = settings.caCertificates().isEmpty() ? null
          : new CaBundleTrust(settings.caCertificates()).trustManagers();
      KeyManager[] keys = SystemPropertyTlsKeyManagersProvider.create().keyManagers();
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      tls = f = context.getSocketFactory();
      return f;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot set up TLS for the CodeArtifact API call: " + e.getClass().getSimpleName(), e);
    }
  }
}
