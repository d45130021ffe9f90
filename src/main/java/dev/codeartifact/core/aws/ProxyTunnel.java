package dev.codeartifact.core.aws;

import dev.codeartifact.core.network.ProxySettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * HTTPS through an HTTP proxy that wants Basic credentials, for the CodeArtifact API call only.
 *
 * <p>Why not the JDK's own tunnelling: {@code HttpURLConnection} does not send Basic on {@code CONNECT}
 * ({@code jdk.http.auth.tunneling.disabledSchemes} defaults to {@code Basic}), and changing that property, or
 * installing an {@link java.net.Authenticator}, would change it for every connection of the whole Maven JVM.
 * Setting {@code Proxy-Authorization} on the request (what the SDK does) puts the proxy password on the
 * request to AWS inside the tunnel. So this class opens the tunnel itself, for connections it creates only:
 * {@link #open} gives {@link HttpsURLConnection}s opened with {@link Proxy#NO_PROXY} and this socket factory. The JDK
 * asks the factory for an unconnected socket and connects it to the API host; {@link TunnelSocket} connects
 * to the proxy instead, sends {@code CONNECT host:port} with {@code Proxy-Authorization: Basic}, and accepts
 * only a 2xx answer; the JDK then layers TLS over it through {@link #createSocket(Socket, String, int, boolean)}
 * with the configured trust (the JVM's, or with {@code codeartifact.caBundle}) and HTTPS host-name checks.
 * The credentials only ever go to the proxy, on the CONNECT request; the request to AWS carries none.
 *
 * <p>A host in the proxy's {@code nonProxyHosts} is connected directly. Connect timeout: to the proxy;
 * read timeout: for the proxy's answer to CONNECT, then for the API's answers. A refusal is a {@link Refused}
 * carrying the proxy's status (not retried; 407 names the proxy).
 */
final class ProxyTunnel extends SSLSocketFactory {
  /**
   * The JDK's own {@code HttpURLConnection} tunnel (a proxy without credentials) reports a refused CONNECT
   * only as a plain {@link IOException} with this text; {@link Refused#of} reads it once, there.
   */
  private static final String JDK_REFUSED = "Unable to tunnel through proxy. Proxy returns \"";
  private static final int MAX_ANSWER_BYTES = 64 * 1024;

  private final ProxySettings proxy;
  private final SSLSocketFactory tls;
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;

  ProxyTunnel(ProxySettings proxy, SSLSocketFactory tls, Duration connectTimeout, Duration readTimeout) {
    this.proxy = proxy;
    this.tls = tls;
    this.connectTimeoutMillis = millis(connectTimeout);
    this.readTimeoutMillis = millis(readTimeout);
  }

  /**
   * A connection to {@code uri}: through this tunnel, or direct (same TLS settings) for an http URL or a host
   * of {@code nonProxyHosts}.
   */
  HttpURLConnection open(URI uri) throws IOException {
    URL url = uri.toURL();
    HttpURLConnection c = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
    if (c instanceof HttpsURLConnection) {
      ((HttpsURLConnection) c).setSSLSocketFactory(tunnels(uri) ? this : tls);
    }
    c.setConnectTimeout(connectTimeoutMillis);
    c.setReadTimeout(readTimeoutMillis);
    return c;
  }


  boolean tunnels(URI uri) {
    return "https".equalsIgnoreCase(uri.getScheme()) && !proxy.excludes(uri.getHost());
  }

  // ------------------------------------------------------------------ SSLSocketFactory

  /** The unconnected socket the JDK connects to the API host: it connects to the proxy and tunnels. */
  @Override
  public Socket createSocket() {
    return new TunnelSocket();
  }

  @Override
  public Socket createSocket(Socket tunnel, String host, int port, boolean autoClose) throws IOException {
    SSLSocket s = (SSLSocket) tls.createSocket(tunnel, host, port, autoClose);
    SSLParameters p = s.getSSLParameters();
    p.setEndpointIdentificationAlgorithm("HTTPS"); // host-name check, whatever the JVM-wide default verifier
    s.setSSLParameters(p);
    return s;
  }

  // The JDK only uses the two methods above; the others tunnel too, so nothing can bypass the proxy.

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket t = createSocket();
    t.connect(InetSocketAddress.createUnresolved(host, port), connectTimeoutMillis);
    return createSocket(t, host, port, true);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return createSocket(host.getHostAddress(), port);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    return createSocket(address.getHostAddress(), port);
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return tls.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return tls.getSupportedCipherSuites();
  }

  @Override
  public String toString() {
    return "ProxyTunnel[" + proxy.describe() + "]";
  }

  // ------------------------------------------------------------------ the tunnel

  /** A plain socket that, asked to connect to the API host, connects to the proxy and opens a tunnel there. */
  final class TunnelSocket extends Socket {
    @Override
    public void connect(SocketAddress endpoint) throws IOException {
      connect(endpoint, connectTimeoutMillis);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      if (!(endpoint instanceof InetSocketAddress)) {
        throw new IOException("Unsupported address type: " + (endpoint == null ? "null" : endpoint.getClass().getName()));
      }
      InetSocketAddress target = (InetSocketAddress) endpoint;
      super.connect(new InetSocketAddress(proxy.host(), proxy.port()), timeout);
      try {
        setSoTimeout(readTimeoutMillis);
        open(this, target.getHostString(), target.getPort());
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      }
    }
  }

  /** Sends CONNECT on {@code s} (connected to the proxy) and reads the answer; returns on 2xx. */
  void open(Socket s, String host, int port) throws IOException {
    String authority = (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    StringBuilder request = new StringBuilder()
        .append("CONNECT ").append(authority).append(" HTTP/1.1\r\n")
        .append("Host: ").append(authority).append("\r\n")
        .append("Proxy-Connection: keep-alive\r\n");
    if (proxy.username() != null && proxy.password() != null && !proxy.passwordIsEncrypted()) {
      request.append("Proxy-Authorization: Basic ").append(Base64.getEncoder().encodeToString(
          (proxy.username() + ":" + proxy.password()).getBytes(StandardCharsets.UTF_8))).append("\r\n");
    }
    request.append("\r\n");
    OutputStream out = s.getOutputStream();
    out.write(request.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
    String statusLine = readAnswer(s.getInputStream());
    int status = status(statusLine);
    if (status < 200 || status > 299) {
      throw new Refused(status, statusLine);
    }
  }

  /**
   * Reads the proxy's answer up to the empty line, byte by byte (nothing after it may be consumed: that is
   * the server's TLS); returns the status line. Headers (and any body of a refusal) are not kept.
   */
  private static String readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0; // how much of CR LF CR LF has been seen (a bare LF ends a line too)
    String statusLine = null;
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new Refused(statusLine == null ? -1 : status(statusLine), statusLine == null ? "no answer" : statusLine);
      }
      if (head.size() >= MAX_ANSWER_BYTES) {
        throw new Refused(-1, "an answer larger than " + MAX_ANSWER_BYTES + " bytes");
      }
      head.write(c);
      if (c == '\n') {
        if (statusLine == null) {
          statusLine = new String(head.toByteArray(), StandardCharsets.ISO_8859_1).trim();
        }
        if (state >= 1) {
          return statusLine;
        }
        state = 1;
      } else if (c != '\r') {
        state = 0;
      }
    }
  }

  /** The proxy did not open the tunnel: its status (-1 without one) and its status line (or what was seen). */
  static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String answer;

    Refused(int status, String answer) {
      super("The proxy refused the HTTPS tunnel (" + answer + ")");
      this.status = status;
      this.answer = answer;
    }

    /**
     * {@code e} as a refusal, or null: ours by type; the JDK's by its text, the only thing the JDK gives
     * (no type, no status field), read here and nowhere else.
     */
    static Refused of(Throwable e) {
      if (e instanceof Refused) {
        return (Refused) e;
      }
      String m = e instanceof IOException ? e.getMessage() : null;
      if (m == null || !m.startsWith(JDK_REFUSED)) {
        return null;
      }
      String line = m.substring(JDK_REFUSED.length());
      line = line.indexOf('"') < 0 ? line : line.substring(0, line.indexOf('"'));
      return new Refused(status(line), line);
    }
  }

  static int status(String statusLine) {
    String[] parts = statusLine.split(" ");
    if (parts.length >= 2 && parts[0].toUpperCase(Locale.ROOT).startsWith("HTTP/")) {
      try {
        return Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        // below
      }
    }
    return -1;
  }

  private static int millis(Duration d) {
    long ms = d.toMillis();
    return ms > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) ms;
  }
}
