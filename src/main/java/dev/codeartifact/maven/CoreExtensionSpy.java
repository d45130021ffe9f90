package dev.codeartifact.maven;

import dev.codeartifact.core.AuthorizationToken;
import dev.codeartifact.core.BuildLog;
import dev.codeartifact.core.CodeArtifactException;
import dev.codeartifact.core.Configuration;
import dev.codeartifact.core.NetworkSettings;
import dev.codeartifact.core.InvalidParameterException;
import dev.codeartifact.core.TokenPlanner;
import dev.codeartifact.core.TokenRequest;
import dev.codeartifact.core.TokenService;
import dev.codeartifact.core.TokenSource;
import dev.codeartifact.core.TokenSources;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.eventspy.AbstractEventSpy;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core extension ({@code .mvn/extensions.xml}): authenticates every request of the build, from the
 * first parent POM on.
 *
 * <p>Why an {@code EventSpy} on the {@link MavenExecutionRequest} event: Maven's CLI fires it once,
 * right before {@code Maven.execute(request)}, after the settings were merged into the request (servers,
 * mirrors, proxies, settings profiles, active profile ids, settings repositories, user and system
 * properties) and before the repository session exists (checked in the sources of 3.6.3, 3.9.9 and
 * 4.0.0-rc-5: {@code MavenCli.execute} / {@code MavenInvoker.doExecute}). The repository session factory
 * then turns {@code request.getServers()} into the authentication of every repository Maven creates:
 * parent POMs, imported BOMs, build extensions, plugins, dependencies, deployment. So a {@code <server>}
 * entry added here is all it takes; nothing else needs patching. A lifecycle participant's
 * {@code afterSessionStart} is too late for that (the session's authentication selector already exists).
 *
 * <p>Maven's event-spy dispatcher catches and only logs ({@code WARN Failed to notify spy}) what a spy
 * throws, on every version. So a failure is kept ({@link CoreExtensionFailure}) and
 * {@link ExtensionParticipant} throws it from {@code afterSessionStart}, which runs before any POM is
 * read: the build stops with one ERROR line and nothing resolved.
 */
@Named
@Singleton
public class CoreExtensionSpy extends AbstractEventSpy {
  private static final Logger LOG = LoggerFactory.getLogger(CoreExtensionSpy.class);

  private final BuildLog log;
  /** Maven's settings decrypter, for encrypted proxy passwords (see {@link MavenNetwork}); null in tests. */
  private final SettingsDecrypter decrypter;

  public CoreExtensionSpy() {
    this(MavenLogs.of(LOG));
  }

  // Private: Guice constructs it by reflection instead of generating a fast-class (start-up time).
  @Inject
  private CoreExtensionSpy(SettingsDecrypter decrypter) {
    this(MavenLogs.of(LOG), decrypter);
  }

  CoreExtensionSpy(BuildLog log) {
    this(log, null);
  }

  CoreExtensionSpy(BuildLog log, SettingsDecrypter decrypter) {
    this.log = log;
    this.decrypter = decrypter;
  }

  @Override
  public void onEvent(Object event) {
    if (event instanceof MavenExecutionRequest) {
      MavenExecutionRequest request = (MavenExecutionRequest) event;
      CoreExtensionFailure.clear();
      try {
        authenticate(request);
      } catch (CodeArtifactException e) {
        CoreExtensionFailure.record(request, e.getMessage());
      } catch (RuntimeException | LinkageError e) {
        CoreExtensionFailure.record(request, "CodeArtifact core extension failed: " + e);
      }
    }
  }

  void authenticate(MavenExecutionRequest request) throws CodeArtifactException {
    CoreExtensionConfiguration collected = CoreExtensionConfiguration.of(request);
    try {
      authenticate(request, collected.configuration);
    } catch (InvalidParameterException e) {
      throw new CodeArtifactException(invalid(e, collected.sources.get(e.parameter())), e);
    }
  }

  private void authenticate(MavenExecutionRequest request, Configuration config) throws CodeArtifactException {
    if (config.skip()) {
      log.debug("CodeArtifact core extension: skipped (codeartifact.skip)");
      return;
    }
    // Validate everything before looking at the network or the build, as the goal does.
    MavenNetwork.decryptProxiesWith(request, decrypter, log);
    NetworkSettings network = BuildAuthenticator.validate(config, request);
    Set<String> explicitIds = config.serverIds();
    List<TokenPlanner.Repository> repositories = CoreExtensionConfiguration.repositories(request, log);
    TokenPlanner.Plan plan = TokenPlanner.plan(config, repositories);
    if (plan.warning() != null) {
      log.warn(plan.warning());
    }
    if (plan.isEmpty()) {
      log.debug("CodeArtifact core extension: no CodeArtifact repository in the settings or the root POM"
          + " and no codeartifact.serverIds");
      return;
    }
    if (request.isOffline()) {
      if (AppliedTokens.firstInBuild(request, BuildAuthenticator.OFFLINE)) {
        log.warn(BuildAuthenticator.OFFLINE);
      }
      return;
    }
    boolean failOnError = config.bool(Configuration.FAIL_ON_ERROR, true);
    TokenSource source = TokenSources.forBuild(config, network, log);
    for (Map.Entry<TokenRequest, Set<String>> e : plan.tokens().entrySet()) {
      TokenRequest tokenRequest = e.getKey();
      List<String> ids = BuildAuthenticator.targets(request, e.getValue(), explicitIds, log);
      if (ids.isEmpty()) {
        continue;
      }
      AuthorizationToken token;
      try {
        token = TokenService.shared().get(tokenRequest, source);
      } catch (CodeArtifactException ex) {
        if (failOnError) {
          throw ex;
        }
        BuildAuthenticator.tolerated(request, tokenRequest, ex, ids, log);
        continue;
      }
      for (String id : ids) {
        setServer(request, id, token);
        preemptive(request, id);
      }
      AppliedTokens.record(tokenRequest, ids, token);
      log.info(BuildAuthenticator.appliedLine(tokenRequest, ids, token));
    }
  }

  /** An existing entry keeps everything but username and password; otherwise a new entry. */
  static void setServer(MavenExecutionRequest request, String id, AuthorizationToken token) {
    synchronized (request) {
      Server server = AppliedTokens.server(request, id);
      if (server == null) {
        server = new Server();
        server.setId(id);
        server.setUsername(TokenAuthentication.USERNAME);
        server.setPassword(token.secret());
        request.addServer(server);
      } else {
        server.setUsername(TokenAuthentication.USERNAME);
        server.setPassword(token.secret());
      }
    }
  }

  /**
   * Sends the credentials with the first request instead of waiting for a 401 challenge, which
   * CodeArtifact does not document (and which costs a round trip): for the native, Apache and JDK
   * transports through the per-repository resolver property (read when the session is created, which
   * is after this event), for Wagon through the server's http configuration. A user's own setting wins.
   * Maven Resolver 1.x (Maven 3.6 to 3.9) reads {@code aether.connector.http.preemptiveAuth[.id]},
   * Resolver 2.x (Maven 3.10, 4.0) {@code aether.transport.http.preemptiveAuth[.id]}: both are set.
   */
  static void preemptive(MavenExecutionRequest request, String id) {
    for (String prefix : PREEMPTIVE_KEYS) {
      setIfUnset(request, prefix + "." + id);
    }
    if (isMaven4()) {
      // Maven 4 suffixes repository ids in some requests (id-HASH), so only the global switch reaches
      // them; it only matters for repositories that have credentials.
      for (String prefix : PREEMPTIVE_KEYS) {
        setIfUnset(request, prefix);
      }
      return; // no Wagon by default there, and its settings model takes other configuration objects
    }
    synchronized (request) {
      Server server = AppliedTokens.server(request, id);
      if (server != null && server.getConfiguration() == null) {
        try {
          server.setConfiguration(usePreemptive());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
          LOG.debug("Could not make Wagon authenticate " + id + " preemptively: " + e.getClass().getSimpleName());
        }
      }
    }
  }

  /** Resolver 1.x and 2.x names of the preemptive-authentication switch. */
  static final String[] PREEMPTIVE_KEYS = {
    "aether.connector.http.preemptiveAuth", "aether.transport.http.preemptiveAuth"
  };

  private static void setIfUnset(MavenExecutionRequest request, String key) {
    if (request.getUserProperties().getProperty(key) == null && request.getSystemProperties().getProperty(key) == null) {
      request.getUserProperties().setProperty(key, "true");
    }
  }

  /**
   * {@code <httpConfiguration><all><usePreemptive>true</...>} built with Maven's own Xpp3Dom class:
   * this realm may carry another copy of plexus-utils, and Maven casts the configuration to its own.
   */
  private static Object usePreemptive() throws ReflectiveOperationException {
    Class<?> dom = Server.class.getClassLoader().loadClass("org.codehaus.plexus.util.xml.Xpp3Dom");
    java.lang.reflect.Constructor<?> node = dom.getConstructor(String.class);
    java.lang.reflect.Method addChild = dom.getMethod("addChild", dom);
    Object config = node.newInstance("configuration");
    Object http = node.newInstance("httpConfiguration");
    Object all = node.newInstance("all");
    Object use = node.newInstance("usePreemptive");
    dom.getMethod("setValue", String.class).invoke(use, "true");
    addChild.invoke(all, use);
    addChild.invoke(http, all);
    addChild.invoke(config, http);
    return config;
  }

  private static boolean isMaven4() {
    try {
      Class.forName("org.apache.maven.api.Session", false, CoreExtensionSpy.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** One line naming the property, its value, where it was set and what is allowed. */
  static String invalid(InvalidParameterException e, String source) {
    return "Invalid " + e.parameter() + " '" + e.value() + "'" + (source == null ? "" : " (set by " + source + ")")
        + ": " + e.allowed();
  }
}
