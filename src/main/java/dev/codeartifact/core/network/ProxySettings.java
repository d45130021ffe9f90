package dev.codeartifact.core.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One HTTP proxy the AWS API call may go through: a Maven {@code <proxy>} from settings.xml. Selection
 * follows Maven Resolver's {@code DefaultProxySelector}: the first active proxy of the endpoint's protocol
 * whose {@code nonProxyHosts} does not exclude the host, and for {@code https} an {@code http} proxy when
 * there is no {@code https} one. The password is only reachable through {@link #password()};
 * {@link #toString()} never prints it.
 */
public final class ProxySettings {
  private final String id;
  private final String protocol;
  private final String host;
  private final int port;
  private final String username;
  private final String password;
  private final String nonProxyHosts;

  /**
   * @param protocol {@code http} or {@code https} (the protocol of the requests it serves; Maven's default
   *     is {@code http}); {@code nonProxyHosts} is Maven's {@code |}-separated list of host names with
   *     {@code *} wildcards, or null.
   */
  public ProxySettings(String id, String protocol, String host, int port, String username, String password,
      String nonProxyHosts) {
    this.id = id == null || id.trim().isEmpty() ? "default" : id.trim();
    this.protocol = protocol == null || protocol.trim().isEmpty() ? "http" : protocol.trim().toLowerCase(Locale.ROOT);
    this.host = Objects.requireNonNull(host, "host").trim();
    this.port = port;
    this.username = username == null || username.isEmpty() ? null : username;
    this.password = password == null || password.isEmpty() ? null : password;
    this.nonProxyHosts = nonProxyHosts == null || nonProxyHosts.trim().isEmpty() ? null : nonProxyHosts.trim();
  }

  /**
   * The proxy of {@code proxies} for a request to {@code scheme://host}, or null for a direct connection
   * (Maven Resolver's rules, see the class comment).
   */
  public static ProxySettings select(List<ProxySettings> proxies, String scheme, String host) {
    String s = scheme == null ? "https" : scheme.toLowerCase(Locale.ROOT);
    ProxySettings http = null;
    for (ProxySettings p : proxies) {
      if (p.excludes(host)) {
        continue;
      }
      if (p.protocol.equals(s)) {
        return p;
      }
      if (http == null && p.protocol.equals("http")) {
        http = p;
      }
    }
    return "https".equals(s) ? http : null;
  }

  /** True when {@code nonProxyHosts} names {@code host} (case-insensitive, {@code *} matches anything). */
  public boolean excludes(String host) {
    if (nonProxyHosts == null || host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    for (String regex : nonProxyHostPatterns()) {
      if (h.matches(regex)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code nonProxyHosts} as regular expressions over a lower-case host name, the form the SDK's
   * url-connection client matches with.
   */
  public List<String> nonProxyHostPatterns() {
    if (nonProxyHosts == null) {
      return Collections.emptyList();
    }
    List<String> out = new ArrayList<>();
    for (String glob : nonProxyHosts.split("[|,]")) {
      String g = glob.trim().toLowerCase(Locale.ROOT);
      if (g.isEmpty()) {
        continue;
      }
      StringBuilder sb = new StringBuilder();
      int start = 0;
      for (int i = g.indexOf('*'); i >= 0; i = g.indexOf('*', start)) {
        if (i > start) {
          sb.append(Pattern.quote(g.substring(start, i)));
        }
        sb.append(".*");
        start = i + 1;
      }
      if (start < g.length()) {
        sb.append(Pattern.quote(g.substring(start)));
      }
      out.add(sb.toString());
    }
    return out;
  }

  public String id() {
    return id;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String username() {
    return username;
  }

  /** The proxy password: hand it only to the HTTP client. */
  public String password() {
    return password;
  }

  /**
   * True when the password is still in Maven's encrypted form ({@code {...}}): the entry points decrypt proxy
   * passwords with Maven's settings decrypter, so this means it could not be decrypted; it is never sent.
   */
  public boolean passwordIsEncrypted() {
    return password != null && password.length() > 2 && password.startsWith("{") && password.endsWith("}");
  }

  /** "proxy ID (HOST:PORT)" for log lines and errors; holds no secret. */
  public String describe() {
    return "proxy " + id + " (" + host + ":" + port + ")";
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ProxySettings)) {
      return false;
    }
    ProxySettings p = (ProxySettings) o;
    return id.equals(p.id) && protocol.equals(p.protocol) && host.equals(p.host) && port == p.port
        && Objects.equals(username, p.username) && Objects.equals(password, p.password)
        && Objects.equals(nonProxyHosts, p.nonProxyHosts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, protocol, host, port, username, password, nonProxyHosts);
  }

  @Override
  public String toString() {
    return "ProxySettings[" + id + ", " + protocol + "://" + host + ":" + port
        + (username == null ? "" : ", user " + username + ", password ****")
        + (nonProxyHosts == null ? "" : ", nonProxyHosts " + nonProxyHosts) + "]";
  }
}
