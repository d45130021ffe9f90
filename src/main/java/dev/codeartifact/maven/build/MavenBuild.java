package dev.codeartifact.maven.build;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.BuildNotes;
import dev.codeartifact.core.flow.TokenFlow;
import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.maven.credentials.MavenCredentials;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Server;

/**
 * One Maven build as the flow sees it: its request (which every class realm of the build shares, and which
 * ends with the build), its session once there is one, and {@link MavenCredentials} as the writer.
 */
public final class MavenBuild implements TokenFlow.Build {
  /**
   * The key of the build's notes in {@link MavenExecutionRequest#getData()}: per build, seen by the core
   * extension, the build extension and the plugin realm alike (its value holds JDK types only).
   */
  static final String NOTES = "dev.codeartifact.notes";

  private final MavenExecutionRequest request;
  private final MavenSession session;
  private final BuildLog log;

  /** @param session null before the session exists (the core extension) */
  public MavenBuild(MavenExecutionRequest request, MavenSession session, BuildLog log) {
    this.request = request;
    this.session = session;
    this.log = log;
  }

  public static MavenBuild of(MavenSession session, BuildLog log) {
    return new MavenBuild(session.getRequest(), session, log);
  }

  @Override
  public BuildNotes notes() {
    return notes(request);
  }

  /** The notes of the build {@code request} belongs to, created on first use. */
  @SuppressWarnings("unchecked")
  public static BuildNotes notes(MavenExecutionRequest request) {
    synchronized (request) {
      Map<String, Object> data = request.getData();
      Object notes = data.get(NOTES);
      if (!(notes instanceof ConcurrentMap)) {
        notes = new ConcurrentHashMap<String, String>();
        data.put(NOTES, notes);
      }
      return new BuildNotes((ConcurrentMap<String, String>) notes);
    }
  }

  @Override
  public boolean isOffline() {
    return request.isOffline();
  }

  @Override
  public String password(String serverId) {
    Server s = server(request, serverId);
    return s == null ? null : s.getPassword();
  }

  @Override
  public void apply(List<String> serverIds, AuthorizationToken token) {
    Map<String, AuthorizationToken> byId = new LinkedHashMap<>();
    for (String id : serverIds) {
      byId.put(id, token);
    }
    MavenCredentials.apply(request, session, byId, log);
  }

  /** Under the request's lock: {@link MavenCredentials} adds servers under it while other modules (-T) read. */
  public static Server server(MavenExecutionRequest request, String id) {
    synchronized (request) {
      for (Server s : request.getServers()) {
        if (id.equals(s.getId())) {
          return s;
        }
      }
    }
    return null;
  }
}
