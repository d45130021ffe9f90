package dev.codeartifact.maven.build;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.network.ProxySettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Maven's active {@code <proxies>} for the AWS API call: they apply to it as they apply to Maven's
 * downloads. With no active Maven proxy, the JVM's {@code https.proxyHost}-style system properties keep
 * applying.
 *
 * <h2>Encrypted proxy passwords</h2>
 *
 * Maven 3 keeps settings passwords encrypted ({@code {...}}, master password in
 * {@code ~/.m2/settings-security.xml} or the file {@code -Dsettings.security} names) in the execution request
 * and decrypts them only for its own transports. Every entry point gets Maven's {@link SettingsDecrypter}
 * injected and passes it here: only the proxies are decrypted (copies; the request is left alone), at most
 * one WARN line per proxy and build names a proxy whose password cannot be decrypted, and the call goes on
 * without that proxy's credentials. A password that is not in the encrypted form (Maven 4 may have decrypted
 * it already) is used as it is, never decrypted twice.
 */
public final class MavenNetwork {
  private MavenNetwork() {}

  /**
   * The active proxies of {@code request}, in settings order (Maven Resolver picks the first that fits),
   * passwords decrypted with {@code decrypter} (none when null).
   */
  public static List<ProxySettings> proxies(MavenExecutionRequest request, SettingsDecrypter decrypter, BuildLog log) {
    List<ProxySettings> out = new ArrayList<>();
    if (request == null || request.getProxies() == null) {
      return out;
    }
    for (Proxy p : request.getProxies()) {
      if (p == null || !p.isActive() || p.getHost() == null || p.getHost().trim().isEmpty()) {
        continue;
      }
      String password = p.getPassword();
      if (decrypter != null && isEncrypted(password)) {
        password = decrypt(request, p, decrypter, log);
      }
      out.add(new ProxySettings(p.getId(), p.getProtocol(), p.getHost(), p.getPort(), p.getUsername(),
          password, p.getNonProxyHosts()));
    }
    return out;
  }

  /** Maven's encrypted form, {@code {...}} (sec-dispatcher's own test, without its escapes). */
  static boolean isEncrypted(String password) {
    return password != null && password.length() > 2 && password.startsWith("{") && password.endsWith("}");
  }

  /**
   * The decrypted password of {@code proxy}, or its encrypted password (which is never sent) after one WARN
   * line. Neither the password nor the decrypter's messages (which may quote it) are logged.
   */
  private static String decrypt(MavenExecutionRequest request, Proxy proxy, SettingsDecrypter decrypter,
      BuildLog log) {
    String failure;
    try {
      SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy.clone()));
      String decrypted = result.getProxy() == null ? null : result.getProxy().getPassword();
      if (!hasErrors(result) && decrypted != null && !isEncrypted(decrypted)) {
        return decrypted;
      }
      failure = "";
    } catch (RuntimeException | LinkageError e) {
      failure = " (" + e.getClass().getSimpleName() + ")";
    }
    String id = proxy.getId() == null || proxy.getId().trim().isEmpty() ? "default" : proxy.getId().trim();
    String line = "Cannot decrypt the password of proxy " + id + " (" + proxy.getHost() + ":" + proxy.getPort()
        + ") from settings.xml" + failure + ": the CodeArtifact API call goes through it without credentials;"
        + " check the master password in ~/.m2/settings-security.xml (or the file -Dsettings.security names),"
        + " or encrypt the proxy password again with mvn --encrypt-password";
    if (log != null && MavenBuild.notes(request).firstTime("proxy-decryption:" + id)) {
      log.warn(line);
    }
    return proxy.getPassword();
  }

  private static boolean hasErrors(SettingsDecryptionResult result) {
    if (result.getProblems() == null) {
      return false;
    }
    for (SettingsProblem p : result.getProblems()) {
      if (p.getSeverity() == SettingsProblem.Severity.ERROR || p.getSeverity() == SettingsProblem.Severity.FATAL) {
        return true;
      }
    }
    return false;
  }
}
