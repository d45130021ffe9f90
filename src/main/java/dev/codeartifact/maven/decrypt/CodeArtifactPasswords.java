package dev.codeartifact.maven.decrypt;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.flow.Configuration;
import dev.codeartifact.core.flow.InvalidParameterException;
import dev.codeartifact.core.flow.Parameters;
import dev.codeartifact.core.flow.TokenFlow;
import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.network.ProxySettings;
import dev.codeartifact.core.repository.RepositoryUrl;
import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.maven.build.MavenLogs;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both decrypters (Maven 3's {@link CodeArtifactPasswordDecryptor}, Maven 4's
 * {@link CodeArtifactDispatcher}) do with a password in {@link PasswordForm}: parse it and return the
 * token for the domain it names, from the plugin's cache or AWS.
 *
 * <p>Decrypters run before any build log exists for us to hand an error to, and Maven 3 reports a failed
 * decryption only at debug level (then sends the password as written): so a failure is logged here as one
 * ERROR line, and thrown for Maven to act on as it does.
 */
final class CodeArtifactPasswords {
  private static final Logger LOG = LoggerFactory.getLogger(CodeArtifactPasswords.class);

  /**
   * Token identity comes from the password only; these properties ({@code -D}, {@code .mvn/maven.config},
   * which Maven copies into system properties) are not taken from the system. The rest (endpoint, cache,
   * duration, timeouts, CA bundle, FIPS) applies as for the core extension.
   */
  private static final List<String> FROM_PASSWORD_ONLY = Arrays.asList(Configuration.DOMAIN,
      Configuration.DOMAIN_OWNER, Configuration.REGION, Configuration.PROFILE, Configuration.SERVER_IDS,
      Configuration.SKIP, Configuration.FAIL_ON_ERROR);

  private CodeArtifactPasswords() {}

  /**
   * The token for {@code payload} (the text after {@code ]}).
   *
   * @throws IllegalStateException with the one line already logged at ERROR (never holding a token)
   */
  static String decrypt(String payload) {
    try {
      return token(PasswordForm.parse(payload), System.getProperties(), MavenLogs.of(LOG));
    } catch (IllegalArgumentException e) {
      throw failed(e.getMessage());
    } catch (InvalidParameterException e) {
      throw failed("Invalid CodeArtifact password " + PasswordForm.shown(payload) + " in settings.xml: "
          + key(e.parameter()) + " '" + e.value() + "': " + e.allowed());
    } catch (CodeArtifactException e) {
      throw failed("CodeArtifact password " + PasswordForm.shown(payload) + " in settings.xml: " + e.getMessage());
    }
  }

  /**
   * ALL calls of this mode into the plugin's core are here, so that a change of the core's API changes
   * this method only: the configuration from the password's items plus the other properties, then the one
   * flow's {@link TokenFlow#fetch} (the same sources, cache and failures as every other entry point).
   */
  static String token(Map<String, String> items, Properties system, BuildLog log) throws CodeArtifactException {
    Map<String, String> values = new HashMap<>();
    for (String p : Configuration.PROPERTIES) {
      if (!FROM_PASSWORD_ONLY.contains(p) && system.getProperty(p) != null) {
        values.put(p, system.getProperty(p));
      }
    }
    String url = items.get(PasswordForm.URL);
    if (url != null) {
      RepositoryUrl parsed = RepositoryUrl.parse(url);
      if (parsed == null) {
        throw new InvalidParameterException("url", url, "a CodeArtifact repository URL such as"
            + " https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/");
      }
      values.put(Configuration.DOMAIN, parsed.domain());
      values.put(Configuration.DOMAIN_OWNER, parsed.owner());
      values.put(Configuration.REGION, parsed.region());
    } else {
      values.put(Configuration.DOMAIN, items.get(PasswordForm.DOMAIN));
      values.put(Configuration.DOMAIN_OWNER, items.get(PasswordForm.OWNER));
      values.put(Configuration.REGION, items.get(PasswordForm.REGION));
    }
    values.put(Configuration.PROFILE, items.get(PasswordForm.PROFILE));
    Parameters parameters = Parameters.parse(Configuration.of(values), Collections.<ProxySettings>emptyList());
    TokenRequest request = parameters.template().build();
    TokenFlow.Outcome outcome = new TokenFlow(log).fetch(parameters,
        p -> Collections.singletonMap(request, Collections.<String>emptySet()), false);
    if (outcome.status() == TokenFlow.Outcome.Status.FAILED) {
      throw outcome.failure();
    }
    AuthorizationToken token = outcome.tokens().get(request);
    String from = token.origin().words();
    log.info("CodeArtifact token for " + request.describe() + " from a settings.xml password; it expires "
        + token.expiration().truncatedTo(ChronoUnit.SECONDS) + (from.isEmpty() ? "" : "; " + from));
    return token.secret();
  }

  /** The password's key for a core property name, so that errors speak of what the user wrote. */
  private static String key(String property) {
    switch (property) {
      case Configuration.DOMAIN:
        return PasswordForm.DOMAIN;
      case Configuration.DOMAIN_OWNER:
        return PasswordForm.OWNER;
      case Configuration.REGION:
        return PasswordForm.REGION;
      case Configuration.PROFILE:
        return PasswordForm.PROFILE;
      default:
        return property;
    }
  }

  private static IllegalStateException failed(String line) {
    LOG.error(line);
    return new IllegalStateException(line);
  }
}
