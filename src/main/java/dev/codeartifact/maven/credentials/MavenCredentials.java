package dev.codeartifact.maven.credentials;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.maven.build.MavenBuild;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.repository.ArtifactRepository;
import org.apache.maven.artifact.repository.Authentication;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.AuthenticationSelector;

/**
 * Where the token gets into the build, for all three ways the plugin runs. Maven copies credentials into
 * many objects when the session starts, so editing the settings alone changes nothing once a session
 * exists: {@link #apply} updates every copy that later resolution and deployment read. Before the session
 * (the core extension) the request's server entries are all it takes, plus the switches that make the
 * transports send them preemptively. Ids are the ids after mirroring, the same as the {@code <server>} ids.
 */
public final class MavenCredentials {
  private MavenCredentials() {}

  /**
   * Applies {@code tokens} (server id to token) to the build of {@code request}; {@code session} is null
   * before the session exists. Idempotent and thread-safe.
   */
  public static void apply(MavenExecutionRequest request, MavenSession session, Map<String, AuthorizationToken> tokens,
      BuildLog log) {
    if (tokens.isEmpty()) {
      return;
    }
    synchronized (request) {
      // 1. Server entries: what Maven itself turns into authentication for anything it creates later.
      for (Map.Entry<String, AuthorizationToken> e : tokens.entrySet()) {
        setServer(request.getServers(), e.getKey(), e.getValue(), request);
      }
      Settings settings = session == null ? null : session.getSettings();
      if (settings != null && settings.getServers() != request.getServers()) {
        // Maven 4 hands mojos a copy of the settings.
        for (Map.Entry<String, AuthorizationToken> e : tokens.entrySet()) {
          setServer(settings.getServers(), e.getKey(), e.getValue(), null);
        }
      }
      // 2. The request's repositories (already mirrored).
      authenticate(request.getRemoteRepositories(), tokens);
      authenticate(request.getPluginArtifactRepositories(), tokens);
    }
    if (session == null) {
      // 3'. No session yet: the repository session Maven creates next reads these.
      for (String id : tokens.keySet()) {
        preemptive(request, id, log);
      }
      return;
    }
    // 3. The repository session's selector: used for repositories created from now on (deploy, plugins).
    addToSelector(session.getRepositorySession(), tokens, log);
    // 4. Every project's own copies; setting the lists again rebuilds the resolver's RemoteRepository copies.
    for (MavenProject project : projects(session)) {
      synchronized (project) {
        List<ArtifactRepository> remote = project.getRemoteArtifactRepositories();
        if (authenticate(remote, tokens)) {
          project.setRemoteArtifactRepositories(remote);
        }
        List<ArtifactRepository> plugin = project.getPluginArtifactRepositories();
        if (authenticate(plugin, tokens)) {
          project.setPluginArtifactRepositories(plugin);
        }
        for (ArtifactRepository dist : distributionRepositories(project)) {
          authenticate(dist, tokens);
        }
      }
    }
  }

  /**
   * Sends the credentials with the first request instead of waiting for a 401 challenge, which
   * CodeArtifact does not document (and which costs a round trip): for the native, Apache and JDK
   * transports through the per-repository resolver property (read when the session is created, which
   * is after the core extension ran), for Wagon through the server's http configuration. A user's own
   * setting wins. Maven Resolver 1.x (Maven 3.6 to 3.9) reads {@code aether.connector.http.preemptiveAuth[.id]},
   * Resolver 2.x (Maven 3.10, 4.0) {@code aether.transport.http.preemptiveAuth[.id]}: both are set.
   */
  public static void preemptive(MavenExecutionRequest request, String id, BuildLog log) {
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
      Server server = MavenBuild.server(request, id);
      if (server != null && server.getConfiguration() == null) {
        try {
          server.setConfiguration(usePreemptive());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
          log.debug("Could not make Wagon authenticate " + id + " preemptively: " + e.getClass().getSimpleName());
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
    Constructor<?> node = dom.getConstructor(String.class);
    Method addChild = dom.getMethod("addChild", dom);
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
      Class.forName("org.apache.maven.api.Session", false, MavenCredentials.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static void setServer(List<Server> servers, String id, AuthorizationToken token,
      MavenExecutionRequest addTo) {
    for (Server s : servers) {
      if (id.equals(s.getId())) {
        // Keep the entry's other settings (configuration, headers, timeouts, permissions).
        s.setUsername(TokenAuthentication.USERNAME);
        s.setPassword(token.secret());
        return;
      }
    }
    Server s = new Server();
    s.setId(id);
    s.setUsername(TokenAuthentication.USERNAME);
    s.setPassword(token.secret());
    if (addTo != null) {
      addTo.addServer(s);
    } else {
      servers.add(s);
    }
  }

  private static boolean authenticate(Collection<ArtifactRepository> repositories,
      Map<String, AuthorizationToken> tokens) {
    boolean changed = false;
    if (repositories != null) {
      for (ArtifactRepository repo : repositories) {
        changed |= authenticate(repo, tokens);
      }
    }
    return changed;
  }

  private static boolean authenticate(ArtifactRepository repo, Map<String, AuthorizationToken> tokens) {
    if (repo == null) {
      return false;
    }
    AuthorizationToken token = tokens.get(repo.getId());
    if (token == null) {
      return false;
    }
    repo.setAuthentication(new Authentication(TokenAuthentication.USERNAME, token.secret()));
    return true;
  }

  /**
   * Adds the credentials to the session's {@code DefaultAuthenticationSelector}. Called reflectively: the
   * class lives in resolver-util, which plugin realms cannot see on Maven 3.6/3.8. Its map is a plain
   * HashMap, hence the lock on the selector.
   */
  private static void addToSelector(RepositorySystemSession repoSession, Map<String, AuthorizationToken> tokens,
      BuildLog log) {
    if (repoSession == null) {
      return;
    }
    AuthenticationSelector selector = unwrap(repoSession.getAuthenticationSelector());
    if (selector == null) {
      return;
    }
    Method add;
    try {
      add = selector.getClass().getMethod("add", String.class, org.eclipse.aether.repository.Authentication.class);
    } catch (NoSuchMethodException e) {
      log.debug("Authentication selector " + selector.getClass().getName()
          + " takes no additions; repositories are authenticated through the project and request copies");
      return;
    }
    synchronized (selector) {
      for (Map.Entry<String, AuthorizationToken> e : tokens.entrySet()) {
        try {
          add.invoke(selector, e.getKey(), new TokenAuthentication(e.getValue()));
        } catch (ReflectiveOperationException | RuntimeException ex) {
          log.debug("Could not add server " + e.getKey() + " to the authentication selector: "
              + ex.getClass().getSimpleName());
        }
      }
    }
  }

  /** Resolver may wrap the selector (ConservativeAuthenticationSelector); reach the one that holds the map. */
  private static AuthenticationSelector unwrap(AuthenticationSelector selector) {
    AuthenticationSelector current = selector;
    for (int depth = 0; current != null && depth < 3; depth++) {
      try {
        current.getClass().getMethod("add", String.class, org.eclipse.aether.repository.Authentication.class);
        return current;
      } catch (NoSuchMethodException e) {
        Field inner = null;
        for (Field f : current.getClass().getDeclaredFields()) {
          if (AuthenticationSelector.class.isAssignableFrom(f.getType())) {
            inner = f;
          }
        }
        if (inner == null) {
          return current;
        }
        try {
          inner.setAccessible(true);
          current = (AuthenticationSelector) inner.get(current);
        } catch (ReflectiveOperationException | RuntimeException ex) {
          return current;
        }
      }
    }
    return current;
  }

  public static List<MavenProject> projects(MavenSession session) {
    List<MavenProject> all = null;
    try {
      all = session.getAllProjects();
    } catch (RuntimeException | LinkageError e) {
      // older or unusual sessions
    }
    if (all == null || all.isEmpty()) {
      all = session.getProjects();
    }
    return all == null ? java.util.Collections.<MavenProject>emptyList() : all;
  }

  /** Release and snapshot deployment repositories (the getters are protected on Maven 3). */
  public static List<ArtifactRepository> distributionRepositories(MavenProject project) {
    java.util.List<ArtifactRepository> result = new java.util.ArrayList<>();
    for (String name : new String[] {"getReleaseArtifactRepository", "getSnapshotArtifactRepository"}) {
      try {
        Method m = MavenProject.class.getDeclaredMethod(name);
        m.setAccessible(true);
        Object repo = m.invoke(project);
        if (repo instanceof ArtifactRepository && !result.contains(repo)) {
          result.add((ArtifactRepository) repo);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // not available: fall back to the public getter below
      }
    }
    try {
      ArtifactRepository current = project.getDistributionManagementArtifactRepository();
      if (current != null && !result.contains(current)) {
        result.add(current);
      }
    } catch (RuntimeException e) {
      // no distributionManagement
    }
    return result;
  }
}
