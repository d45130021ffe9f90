package dev.codeartifact.maven;

import dev.codeartifact.core.Configuration;
import dev.codeartifact.core.InvalidParameterException;
import dev.codeartifact.core.NetworkSettings;
import dev.codeartifact.core.ProxySettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.settings.Proxy;

/**
 * The network settings of the AWS API call, from the plugin's configuration and Maven's own settings:
 * the active {@code <proxies>} of settings.xml apply to the CodeArtifact API call as they apply to
 * Maven's downloads. With no active Maven proxy, the JVM's {@code https.proxyHost}-style system
 * properties keep applying.
 */
final class MavenNetwork {
  private MavenNetwork() {}

  static NetworkSettings settings(Configuration config, MavenExecutionRequest request)
      throws InvalidParameterException {
    return NetworkSettings.from(config, proxies(request));
  }

  /** The active proxies of {@code request}, in settings order (Maven Resolver picks the first that fits). */
  static List<ProxySettings> proxies(MavenExecutionRequest request) {
    List<ProxySettings> out = new ArrayList<>();
    if (request == null || request.getProxies() == null) {
      return out;
    }
    for (Proxy p : request.getProxies()) {
      if (p == null || !p.isActive() || p.getHost() == null || p.getHost().trim().isEmpty()) {
        continue;
      }
      out.add(new ProxySettings(p.getId(), p.getProtocol(), p.getHost(), p.getPort(), p.getUsername(),
          p.getPassword(), p.getNonProxyHosts()));
    }
    return out;
  }
}
