package dev.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.artifact.repository.ArtifactRepository;
import org.apache.maven.artifact.repository.ArtifactRepositoryPolicy;
import org.apache.maven.artifact.repository.MavenArtifactRepository;
import org.apache.maven.artifact.repository.layout.DefaultRepositoryLayout;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.AuthenticationSelector;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;

/** Real Maven 3.6.3 / resolver 1.4.1 objects put together the way a running build has them. */
public final class TestBuilds {
  public static final String ACME_RELEASES = "https://acme-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/releases/";
  public static final String ACME_SNAPSHOTS = "https://acme-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/snapshots/";
  public static final String ACME_MIRROR = "https://acme-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/all/";
  public static final String OTHER_LIBS = "https://other-444455556666.d.codeartifact.eu-west-1.amazonaws.com/maven/libs/";
  public static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

  private TestBuilds() {}

  public static ArtifactRepository repo(String id, String url) {
    return new MavenArtifactRepository(id, url, new DefaultRepositoryLayout(), new ArtifactRepositoryPolicy(),
        new ArtifactRepositoryPolicy());
  }

  /** What Maven's mirror selection leaves in a repository list: the mirror's id and URL, the originals inside. */
  public static ArtifactRepository mirror(String mirrorId, String url, ArtifactRepository... mirrored) {
    ArtifactRepository r = repo(mirrorId, url);
    r.setMirroredRepositories(new ArrayList<>(Arrays.asList(mirrored)));
    return r;
  }

  /** A resolver session as Maven 3.6.3 builds it: a DefaultAuthenticationSelector, then read-only. */
  public static DefaultRepositorySystemSession readOnlyRepoSession() {
    return readOnlyRepoSession(new DefaultAuthenticationSelector());
  }

  public static DefaultRepositorySystemSession readOnlyRepoSession(AuthenticationSelector selector) {
    DefaultRepositorySystemSession s = new DefaultRepositorySystemSession();
    s.setAuthenticationSelector(selector);
    s.setReadOnly();
    return s;
  }

  public static MavenProject project(String artifactId, String version, List<ArtifactRepository> remote,
      List<ArtifactRepository> plugin) {
    MavenProject p = new MavenProject();
    p.setGroupId("com.example");
    p.setArtifactId(artifactId);
    p.setVersion(version);
    p.setArtifact(new DefaultArtifact("com.example", artifactId, version, null, "jar", null,
        new DefaultArtifactHandler("jar")));
    p.setRemoteArtifactRepositories(new ArrayList<>(remote));
    p.setPluginArtifactRepositories(new ArrayList<>(plugin));
    return p;
  }

  public static MavenSession session(MavenExecutionRequest request, RepositorySystemSession repoSession,
      MavenProject... projects) {
    MavenSession session = new MavenSession(null, repoSession, request, new DefaultMavenExecutionResult());
    List<MavenProject> list = new ArrayList<>(Arrays.asList(projects));
    session.setProjects(list);
    session.setAllProjects(list);
    return session;
  }

  public static DefaultMavenExecutionRequest request() {
    return new DefaultMavenExecutionRequest();
  }

  public static Server server(MavenExecutionRequest request, String id) {
    for (Server s : request.getServers()) {
      if (id.equals(s.getId())) {
        return s;
      }
    }
    return null;
  }

  /** Asserts what the resolver's transports would read from {@code repository}: user aws, password = token. */
  public static void assertToken(RepositorySystemSession session, RemoteRepository repository, String token) {
    try (AuthenticationContext ctx = AuthenticationContext.forRepository(session, repository)) {
      assertNotNull(ctx, "no authentication on " + repository);
      assertEquals("aws", ctx.get(AuthenticationContext.USERNAME), "username of " + repository.getId());
      assertEquals(token, ctx.get(AuthenticationContext.PASSWORD), "password of " + repository.getId());
    }
  }

  public static void assertNoAuthentication(RepositorySystemSession session, RemoteRepository repository) {
    assertNull(AuthenticationContext.forRepository(session, repository), "authentication on " + repository);
  }

  /** A repository Maven creates later (deploy, a plugin's own resolution), given auth by the session's selector. */
  public static RemoteRepository fresh(RepositorySystemSession session, String id, String url) {
    RemoteRepository bare = new RemoteRepository.Builder(id, "default", url).build();
    Authentication auth = session.getAuthenticationSelector() == null ? null
        : session.getAuthenticationSelector().getAuthentication(bare);
    return new RemoteRepository.Builder(bare).setAuthentication(auth).build();
  }

  public static RemoteRepository byId(List<RemoteRepository> repositories, String id) {
    for (RemoteRepository r : repositories) {
      if (r.getId().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no repository " + id + " in " + repositories);
  }
}
