package dev.codeartifact.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.flow.Configuration;
import dev.codeartifact.core.flow.RecordingLog;
import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.network.NetworkSettings;
import dev.codeartifact.core.network.ProxySettings;
import dev.codeartifact.standin.CountingProxy;
import dev.codeartifact.standin.StandIn;
import dev.codeartifact.standin.StandInCredentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTPS tunnel through an authenticating proxy: CONNECT against an in-test proxy socket (200, 407, other
 * answers, silence, nothing listening), then the whole token call over real TLS to the stand-in's HTTPS
 * listener, directly and through {@link CountingProxy}, with and without {@code codeartifact.caBundle}.
 */
@ExtendWith(StandInCredentials.class)
class ProxyTunnelTest {
  private static final String PASSWORD = "tunnel-pw-never-shown-51c8";

  @TempDir
  static Path data;

  private static StandIn standIn;

  @BeforeAll
  static void start() throws Exception {
    standIn = StandIn.start(0, data).enableTls(0);
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  private static ProxySettings proxy(int port, String password) {
    return new ProxySettings("corp", "http", "127.0.0.1", port, "alice", password, "localhost|*.internal");
  }

  private static ProxyTunnel tunnel(int port, Duration read) {
    return new ProxyTunnel(proxy(port, PASSWORD), (SSLSocketFactory) SSLSocketFactory.getDefault(),
        Duration.ofSeconds(2), read);
  }

  /** A one-connection proxy: records what the client sent up to the empty line, answers with {@code answer}. */
  private static CompletableFuture<String> fakeProxy(ServerSocket server, Function<String, String> answer) {
    return CompletableFuture.supplyAsync(() -> {
      try (Socket s = server.accept()) {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString("ISO-8859-1").endsWith("\r\n\r\n")) {
          int c = in.read();
          if (c < 0) {
            break;
          }
          head.write(c);
        }
        String request = head.toString("ISO-8859-1");
        String reply = answer.apply(request);
        if (reply != null) {
          OutputStream out = s.getOutputStream();
          out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          // echo one line through the tunnel
          ByteArrayOutputStream line = new ByteArrayOutputStream();
          for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.write(c);
          }
          out.write(("echo " + line.toString("ISO-8859-1") + "\n").getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        } else {
          Thread.sleep(5_000);
        }
        return request;
      } catch (Exception e) {
        return "failed: " + e;
      }
    });
  }

  private static ServerSocket server() throws IOException {
    return new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
  }

  @Test
  void connectWithBasicThen200OpensTheTunnel() throws Exception {
    try (ServerSocket server = server()) {
      CompletableFuture<String> seen = fakeProxy(server, r -> "HTTP/1.1 200 Connection established\r\nVia: test\r\n\r\n");
      try (Socket s = tunnel(server.getLocalPort(), Duration.ofSeconds(5)).createSocket()) {
        s.connect(InetSocketAddress.createUnresolved("api.example.test", 443), 2000);
        s.getOutputStream().write("hello\n".getBytes(StandardCharsets.ISO_8859_1));
        byte[] b = new byte[64];
        int n = s.getInputStream().read(b);
        assertEquals("echo hello\n", new String(b, 0, n, StandardCharsets.ISO_8859_1));
      }
      String request = seen.get(5, TimeUnit.SECONDS);
      assertTrue(request.startsWith("CONNECT api.example.test:443 HTTP/1.1\r\n"), request);
      assertTrue(request.contains("\r\nHost: api.example.test:443\r\n"));
      assertTrue(request.contains("\r\nProxy-Authorization: Basic " + Base64.getEncoder().encodeToString(
          ("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n"));
    }
  }

  @Test
  void proxy407IsATypedRefusalWithoutThePassword() throws Exception {
    try (ServerSocket server = server()) {
      fakeProxy(server, r -> "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"x\"\r\n"
          + "Content-Length: 0\r\n\r\n");
      Socket s = tunnel(server.getLocalPort(), Duration.ofSeconds(5)).createSocket();
      ProxyTunnel.Refused e = assertThrows(ProxyTunnel.Refused.class,
          () -> s.connect(InetSocketAddress.createUnresolved("api.example.test", 443), 2000));
      assertEquals(407, e.status);
      assertEquals("HTTP/1.1 407 Proxy Authentication Required", e.answer);
      assertFalse(e.getMessage().contains(PASSWORD));
      assertTrue(s.isClosed());
    }
  }

  @Test
  void otherAnswersAreRefusalsToo() throws Exception {
    try (ServerSocket server = server()) {
      fakeProxy(server, r -> "HTTP/1.0 502 Bad Gateway\n\n");
      Socket s = tunnel(server.getLocalPort(), Duration.ofSeconds(5)).createSocket();
      ProxyTunnel.Refused e = assertThrows(ProxyTunnel.Refused.class,
          () -> s.connect(InetSocketAddress.createUnresolved("api.example.test", 443), 2000));
      assertEquals(502, e.status);
      assertEquals("HTTP/1.0 502 Bad Gateway", e.answer);
    }
  }

  @Test
  void theJdksOwnRefusalIsReadOnceIntoTheSameType() {
    ProxyTunnel.Refused e = ProxyTunnel.Refused.of(
        new IOException("Unable to tunnel through proxy. Proxy returns \"HTTP/1.1 407 Proxy Authentication Required\""));
    assertEquals(407, e.status);
    assertEquals("HTTP/1.1 407 Proxy Authentication Required", e.answer);
    assertNull(ProxyTunnel.Refused.of(new IOException("Connection reset")));
  }

  @Test
  void aSilentProxyTimesOutAfterTheReadTimeout() throws Exception {
    try (ServerSocket server = server()) {
      fakeProxy(server, r -> null);
      Socket s = tunnel(server.getLocalPort(), Duration.ofMillis(500)).createSocket();
      long t0 = System.nanoTime();
      assertThrows(SocketTimeoutException.class,
          () -> s.connect(InetSocketAddress.createUnresolved("api.example.test", 443), 2000));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms >= 400 && ms < 4_000, "took " + ms + " ms");
    }
  }

  @Test
  void nothingListeningOnTheProxyIsRefused() throws Exception {
    int port;
    try (ServerSocket server = server()) {
      port = server.getLocalPort();
    }
    Socket s = tunnel(port, Duration.ofSeconds(1)).createSocket();
    assertThrows(ConnectException.class,
        () -> s.connect(InetSocketAddress.createUnresolved("api.example.test", 443), 2000));
  }

  @Test
  void nonProxyHostsAndPlainHttpDoNotTunnel() {
    ProxyTunnel t = tunnel(3128, Duration.ofSeconds(1));
    assertTrue(t.tunnels(URI.create("https://codeartifact.us-west-2.amazonaws.com/v1/authorization-token")));
    assertFalse(t.tunnels(URI.create("https://localhost:8443/")));
    assertFalse(t.tunnels(URI.create("https://vpce.internal/")));
    assertFalse(t.tunnels(URI.create("http://codeartifact.us-west-2.amazonaws.com/")));
    assertEquals("ProxyTunnel[proxy corp (127.0.0.1:3128)]", t.toString());
    assertFalse(proxy(3128, PASSWORD).toString().contains(PASSWORD));
  }

  // ---------------------------------------------------------------- the whole call, over TLS

  private static NetworkSettings network(List<ProxySettings> proxies, String caBundle) throws Exception {
    Map<String, String> m = new HashMap<>();
    if (caBundle != null) {
      m.put(Configuration.CA_BUNDLE, caBundle);
    }
    return NetworkSettings.from(Configuration.of(m), proxies);
  }

  private static TokenRequest request(String domain) throws Exception {
    return TokenRequest.builder().domain(domain).region("us-west-2").endpoint(tlsUrl()).build();
  }

  private static String tlsUrl() {
    return "https://127.0.0.1:" + standIn.tlsPort();
  }

  private static String ca() {
    return StandIn.caPem(data).toString();
  }

  @Test
  void caBundleMakesTheHandshakeSucceed() throws Exception {
    assertNotNull(new AwsTokenSource(network(Collections.<ProxySettings>emptyList(), ca()), RecordingLog.SILENT)
        .fetch(request("tls-direct")));
    assertEquals(1, standIn.tokenRequestCount("tls-direct"));
  }

  @Test
  void withoutTheCaBundleTheCertificateIsNotTrusted() throws Exception {
    TokenRequest r = request("tls-untrusted");
    CodeArtifactException e = assertThrows(CodeArtifactException.class,
        () -> new AwsTokenSource(network(Collections.<ProxySettings>emptyList(), null), RecordingLog.SILENT).fetch(r));
    assertEquals("The TLS certificate of the CodeArtifact API at " + tlsUrl() + " is not trusted by this JVM: if a"
        + " TLS-inspecting proxy or a private CA issued it, put that CA certificate (PEM) into codeartifact.caBundle",
        e.getMessage());
    assertEquals(0, standIn.tokenRequestCount("tls-untrusted"));
  }

  @Test
  void authenticatingProxyCarriesTheHttpsCallWithoutTellingTheApi() throws Exception {
    try (CountingProxy proxy = CountingProxy.start(0, "alice:" + PASSWORD, null)) {
      RecordingLog log = new RecordingLog();
      NetworkSettings n = network(Collections.singletonList(
          new ProxySettings("corp", "http", "127.0.0.1", proxy.port(), "alice", PASSWORD, "localhost")), ca());
      assertNotNull(new AwsTokenSource(n, log.buildLog()).fetch(request("tls-proxied")));
      // one CONNECT, tunnelled (its log line comes when the kept-alive tunnel closes)
      assertEquals(1, proxy.count());
      assertEquals(1, proxy.forwardedCount());
      assertEquals(1, standIn.tokenRequestCount("tls-proxied"));
      assertEquals(0, standIn.proxyAuthorizationCount("tls-proxied"), "the API host saw Proxy-Authorization");
      log.assertNoSecret(PASSWORD);
    }
  }

  @Test
  void wrongProxyPasswordOverHttpsIsOne407Line() throws Exception {
    try (CountingProxy proxy = CountingProxy.start(0, "alice:" + PASSWORD, null)) {
      NetworkSettings n = network(Collections.singletonList(
          new ProxySettings("corp", "http", "127.0.0.1", proxy.port(), "alice", "not-the-password", null)), ca());
      TokenRequest r = request("tls-proxy-refused");
      CodeArtifactException e = assertThrows(CodeArtifactException.class,
          () -> new AwsTokenSource(n, RecordingLog.SILENT).fetch(r));
      assertEquals("The proxy corp (127.0.0.1:" + proxy.port() + ") refused the CodeArtifact API call for domain"
          + " tls-proxy-refused (owner caller's account, region us-west-2) with 407 Proxy Authentication Required:"
          + " check <username> and <password> of the proxy in settings.xml", e.getMessage());
      assertEquals(1, proxy.count(), "a 407 is not retried");
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertFalse(String.valueOf(t.getMessage()).contains("not-the-password"));
      }
    }
  }

  @Test
  void proxyWithoutCredentialsStillUsesTheJdkTunnel() throws Exception {
    try (CountingProxy proxy = CountingProxy.start(0)) {
      NetworkSettings n = network(Collections.singletonList(
          new ProxySettings("open", "http", "127.0.0.1", proxy.port(), null, null, null)), ca());
      assertNotNull(new AwsTokenSource(n, RecordingLog.SILENT).fetch(request("tls-open-proxy")));
      assertEquals(1, proxy.count());
      assertEquals(1, proxy.forwardedCount());
    }
  }
}
