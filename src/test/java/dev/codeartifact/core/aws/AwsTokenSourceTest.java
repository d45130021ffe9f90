package dev.codeartifact.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.flow.Configuration;
import dev.codeartifact.core.flow.RecordingLog;
import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.network.NetworkSettings;
import dev.codeartifact.core.network.ProxySettings;
import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.standin.CountingProxy;
import dev.codeartifact.standin.StandIn;
import dev.codeartifact.standin.StandInCredentials;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The token call against the in-process stand-in: retries, bounds, error lines, proxy, no secret in messages. */
@ExtendWith(StandInCredentials.class)
class AwsTokenSourceTest {

  @TempDir
  Path data;

  private StandIn standIn;

  @BeforeEach
  void start() throws Exception {
    standIn = StandIn.start(0, data);
  }

  @AfterEach
  void stop() {
    standIn.close();
  }

  private TokenRequest request(String domain, String endpoint) throws Exception {
    return TokenRequest.builder().domain(domain).region("us-west-2").endpoint(endpoint).build();
  }

  private TokenRequest request(String domain) throws Exception {
    return request(domain, standIn.baseUrl());
  }

  private static NetworkSettings network(String... kv) throws Exception {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return NetworkSettings.from(Configuration.of(m));
  }

  private CodeArtifactException fails(String domain, NetworkSettings network) throws Exception {
    TokenRequest r = request(domain);
    CodeArtifactException e = assertThrows(CodeArtifactException.class, () -> new AwsTokenSource(network, RecordingLog.SILENT).fetch(r));
    assertNoIssuedTokenIn(e);
    return e;
  }

  private void assertNoIssuedTokenIn(Throwable e) {
    List<String> texts = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      texts.add(String.valueOf(t.getMessage()));
      texts.add(t.toString());
    }
    for (String token : standIn.issuedTokens()) {
      for (String text : texts) {
        assertFalse(text.contains(token.substring(0, 32)), "an issued token appears in an exception");
      }
    }
  }

  @Test
  void throttledThreeTimesThenSucceedsHonouringRetryAfter() throws Exception {
    long t0 = System.nanoTime();
    AuthorizationToken t = new AwsTokenSource(network(), RecordingLog.SILENT).fetch(request("throttle3-a"));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertNotNull(t.secret());
    assertEquals(4, standIn.tokenRequestCount("throttle3-a"));
    assertTrue(ms >= 2_900, "Retry-After: 1 must be honoured before each of 3 retries, took " + ms + " ms");
    assertTrue(ms < 60_000);
  }

  @Test
  void throttledBeyondTheBoundFailsWithOneLine() throws Exception {
    CodeArtifactException e = fails("throttle9-b", network());
    assertEquals(NetworkSettings.MAX_ATTEMPTS, standIn.tokenRequestCount("throttle9-b"));
    assertEquals("CodeArtifact throttled the token request for domain throttle9-b (owner caller's account, region"
        + " us-west-2) (ThrottlingException) after 5 attempts: too many builds asked at once; retry later or let"
        + " builds share the token cache", e.getMessage());
  }

  @Test
  void serverErrorsTwiceThenSucceeds() throws Exception {
    assertNotNull(new AwsTokenSource(network(), RecordingLog.SILENT).fetch(request("error500x2-a")));
    assertEquals(3, standIn.tokenRequestCount("error500x2-a"));
  }

  @Test
  void serverErrorsBeyondTheBound() throws Exception {
    CodeArtifactException e = fails("error500x9-b", network());
    assertEquals(5, standIn.tokenRequestCount("error500x9-b"));
    assertTrue(e.getMessage().startsWith("The CodeArtifact API at " + standIn.baseUrl() + " failed with HTTP 500"
        + " (InternalServerException) for domain error500x9-b"), e.getMessage());
  }

  @Test
  void deniedIsNotRetried() throws Exception {
    CodeArtifactException e = fails("denied-a", network());
    assertEquals(1, standIn.tokenRequestCount("denied-a"));
    assertTrue(e.getMessage().startsWith("Access denied getting a CodeArtifact token for domain denied-a"));
  }

  @Test
  void missingDomain() throws Exception {
    CodeArtifactException e = fails("missing-a", network());
    assertEquals(1, standIn.tokenRequestCount("missing-a"));
    assertTrue(e.getMessage().startsWith("CodeArtifact domain 'missing-a' with owner (the caller's account) was not"
        + " found in region us-west-2"), e.getMessage());
  }

  @Test
  void garbageNotoKenAndExpired() throws Exception {
    assertTrue(fails("garbage-a", network()).getMessage().contains("answered with something that is not a token response"));
    assertTrue(fails("notoken-a", network()).getMessage().contains("answered without an authorization token"));
    assertTrue(fails("expired-a", network()).getMessage().contains("answered with a token that expired at"));
  }

  /**
   * AWS refuses the credentials: a key it does not know, or the test key with a wrong secret (the stand-in
   * verifies the test key's SigV4 signatures from what arrived on the wire, as AWS does). One line, one call.
   */
  @ParameterizedTest
  @CsvSource({
      StandInCredentials.KEY + ", AKIAREJECTEDKEY00000, it-rejected, UnrecognizedClientException",
      StandInCredentials.SECRET + ", not-the-secret-of-this-key, it-badsecret, SignatureDoesNotMatch"})
  void rejectedCredentialsGiveOneLine(String property, String value, String domain, String errorCode)
      throws Exception {
    String standInValue = System.getProperty(property);
    System.setProperty(property, value);
    try {
      CodeArtifactException e = fails(domain, network());
      assertTrue(e.getMessage().startsWith("AWS rejected the credentials used for CodeArtifact domain " + domain
          + " (owner caller's account, region us-west-2) (" + errorCode + ")"), e.getMessage());
      assertEquals(1, standIn.tokenRequestCount(domain));
    } finally {
      System.setProperty(property, standInValue);
    }
  }

  @Test
  void signatureCoversOwnerDurationAndSessionToken() throws Exception {
    System.setProperty("aws.sessionToken", "standin-session-token/with+odd=chars");
    try {
      TokenRequest r = TokenRequest.builder().domain("it-signed").domainOwner("111122223333").durationSeconds("900")
          .region("us-west-2").endpoint(standIn.baseUrl()).build();
      assertNotNull(new AwsTokenSource(network(), RecordingLog.SILENT).fetch(r).secret());
      assertEquals(1, standIn.tokenRequestCount("it-signed"));
    } finally {
      System.clearProperty("aws.sessionToken");
    }
  }

  @Test
  void slowEndpointFailsWithinTheReadTimeout() throws Exception {
    long t0 = System.nanoTime();
    CodeArtifactException e = fails("slow-a", network(Configuration.READ_TIMEOUT, "1"));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 5_000, "took " + ms + " ms");
    assertEquals(1, standIn.tokenRequestCount("slow-a"));
    assertTrue(e.getMessage().contains(": no answer within 1 s (codeartifact.readTimeout); check"), e.getMessage());
  }

  @Test
  void closedPortFailsAtOnce() throws Exception {
    TokenRequest r = request("it-down", "http://127.0.0.1:1");
    long t0 = System.nanoTime();
    CodeArtifactException e = assertThrows(CodeArtifactException.class,
        () -> new AwsTokenSource(network(), RecordingLog.SILENT).fetch(r));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 10_000, "took " + ms + " ms");
    assertEquals("Cannot reach the CodeArtifact API at http://127.0.0.1:1 (region us-west-2): connection refused;"
        + " check codeartifact.endpoint, codeartifact.region, the network and proxy settings", e.getMessage());
  }

  @Test
  void mavenProxyCarriesTheCallWithCredentials() throws Exception {
    try (CountingProxy proxy = CountingProxy.start(0, "alice:s3cret-proxy-pw", null)) {
      NetworkSettings n = NetworkSettings.from(Configuration.of(Collections.<String, String>emptyMap()),
          Collections.singletonList(new ProxySettings("corp", "http", "127.0.0.1", proxy.port(), "alice",
              "s3cret-proxy-pw", null)));
      RecordingLog log = new RecordingLog();
      assertNotNull(new AwsTokenSource(n, log.buildLog()).fetch(request("it-proxy-a")));
      assertEquals(1, proxy.forwardedCount());
      log.assertNoSecret("s3cret-proxy-pw");
      assertFalse(n.toString().contains("s3cret-proxy-pw"));
    }
  }

  @Test
  void proxyRejectingCredentialsGivesOneLine() throws Exception {
    try (CountingProxy proxy = CountingProxy.start(0, "alice:right", null)) {
      NetworkSettings n = NetworkSettings.from(Configuration.of(Collections.<String, String>emptyMap()),
          Collections.singletonList(new ProxySettings("corp", "http", "127.0.0.1", proxy.port(), "alice", "wrong", null)));
      TokenRequest r = request("it-proxy-b");
      CodeArtifactException e = assertThrows(CodeArtifactException.class, () -> new AwsTokenSource(n, RecordingLog.SILENT).fetch(r));
      assertEquals("The proxy corp (127.0.0.1:" + proxy.port() + ") refused the CodeArtifact API call for domain"
          + " it-proxy-b (owner caller's account, region us-west-2) with 407 Proxy Authentication Required: check"
          + " <username> and <password> of the proxy in settings.xml", e.getMessage());
      assertFalse(e.getMessage().contains("wrong"));
      assertEquals(1, proxy.count());
    }
  }

  @Test
  void nonProxyHostsBypassTheProxy() throws Exception {
    try (CountingProxy proxy = CountingProxy.start(0)) {
      NetworkSettings n = NetworkSettings.from(Configuration.of(Collections.<String, String>emptyMap()),
          Collections.singletonList(new ProxySettings("corp", "http", "127.0.0.1", proxy.port(), null, null,
              "localhost|127.0.0.*")));
      assertNotNull(new AwsTokenSource(n, RecordingLog.SILENT).fetch(request("it-proxy-c")));
      assertEquals(0, proxy.count());
    }
  }

  /** A body that is almost a token response: the parser's complaint must not carry the token to a log. */
  @Test
  void malformedBodyWithATokenNeverReachesAMessage() throws Exception {
    String secret = "SECRETTOKEN" + "abcdefghijklmnopqrstuvwxyz0123456789_-".repeat(30);
    String[] bodies = {
      "{\"authorizationToken\":\"" + secret + "\",\"expiration\":\"soon\"}",
      "{\"authorizationToken\":" + secret + ",\"expiration\":1.9E9}",
      "{\"authorizationToken\":\"" + secret + "\",\"expiration\":1.9E9",
      "{\"authorizationToken\":\"" + secret + "\"}",
    };
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    final int[] which = {0};
    server.createContext("/", ex -> {
      byte[] b = bodies[which[0]].getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, b.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(b);
      }
    });
    server.start();
    try {
      for (int i = 0; i < bodies.length; i++) {
        which[0] = i;
        TokenRequest r = request("it-malformed", "http://127.0.0.1:" + server.getAddress().getPort());
        CodeArtifactException e = assertThrows(CodeArtifactException.class,
            () -> new AwsTokenSource(network(), RecordingLog.SILENT).fetch(r));
        for (Throwable t = e; t != null; t = t.getCause()) {
          assertFalse(String.valueOf(t.getMessage()).contains("SECRETTOKEN"), "body " + i + ": " + t.getClass());
          assertFalse(t.toString().contains("abcdefghijklmnopqrstuvwxyz0123456789_-abcdefghijklmnop"), "body " + i);
        }
      }
    } finally {
      server.stop(0);
    }
  }

  /**
   * Which host the SDK calls with FIPS and dual-stack on, without DNS or AWS: an HTTP proxy that records the
   * CONNECT line and refuses with 407 (not retried) sees the host name the SDK's endpoint rules chose.
   */
  @Test
  void fipsAndDualstackChooseTheirEndpoints() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AWS_ENDPOINT_URL_CODEARTIFACT") == null
        && System.getenv("AWS_ENDPOINT_URL") == null, "an endpoint override in the environment decides the host");
    String[][] cases = {
      {null, null, "codeartifact.us-west-2.amazonaws.com:443"},
      {"true", null, "codeartifact-fips.us-west-2.amazonaws.com:443"},
      {null, "true", "codeartifact.us-west-2.api.aws:443"},
      {"true", "true", "codeartifact-fips.us-west-2.api.aws:443"},
    };
    for (String[] c : cases) {
      try (java.net.ServerSocket proxy = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
        List<String> connects = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread t = new Thread(() -> {
          try {
            while (true) {
              try (java.net.Socket sock = proxy.accept()) {
                java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(sock.getInputStream(), StandardCharsets.US_ASCII));
                connects.add(in.readLine());
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                  // headers
                }
                OutputStream out = sock.getOutputStream();
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"t\"\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
              }
            }
          } catch (java.io.IOException closed) {
            // the test closed the socket
          }
        });
        t.setDaemon(true);
        t.start();
        Map<String, String> m = new HashMap<>();
        if (c[0] != null) {
          m.put(Configuration.FIPS, c[0]);
        }
        if (c[1] != null) {
          m.put(Configuration.DUALSTACK, c[1]);
        }
        NetworkSettings n = NetworkSettings.from(Configuration.of(m), Collections.singletonList(
            new ProxySettings("corp", "https", "127.0.0.1", proxy.getLocalPort(), null, null, null)));
        TokenRequest r = TokenRequest.builder().domain("it-endpoints").region("us-west-2").build();
        assertThrows(CodeArtifactException.class, () -> new AwsTokenSource(n, RecordingLog.SILENT).fetch(r));
        assertFalse(connects.isEmpty(), "no CONNECT for fips=" + c[0] + " dualstack=" + c[1]);
        assertEquals("CONNECT " + c[2] + " HTTP/1.1", connects.get(0), "fips=" + c[0] + " dualstack=" + c[1]);
      }
    }
  }
}
