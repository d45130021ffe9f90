package dev.codeartifact.maven.credentials;

import static dev.codeartifact.maven.TestBuilds.ACME_MIRROR;
import static dev.codeartifact.maven.TestBuilds.ACME_RELEASES;
import static dev.codeartifact.maven.TestBuilds.ACME_SNAPSHOTS;
import static dev.codeartifact.maven.TestBuilds.CENTRAL;
import static dev.codeartifact.maven.TestBuilds.OTHER_LIBS;
import static dev.codeartifact.maven.TestBuilds.assertNoAuthentication;
import static dev.codeartifact.maven.TestBuilds.assertToken;
import static dev.codeartifact.maven.TestBuilds.byId;
import static dev.codeartifact.maven.TestBuilds.fresh;
import static dev.codeartifact.maven.TestBuilds.mirror;
import static dev.codeartifact.maven.TestBuilds.project;
import static dev.codeartifact.maven.TestBuilds.readOnlyRepoSession;
import static dev.codeartifact.maven.TestBuilds.repo;
import static dev.codeartifact.maven.TestBuilds.server;
import static dev.codeartifact.maven.TestBuilds.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.RecordingLog;
import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.maven.TestBuilds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.maven.artifact.repository.ArtifactRepository;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Server;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.AuthenticationDigest;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.ConservativeAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.junit.jupiter.api.Test;

class MavenCredentialsTest {
  static final Instant EXPIRY = Instant.parse("2030-01-01T12:00:00Z");
  static final AuthorizationToken TOKEN = new AuthorizationToken("eyJ2ZXIiOjEsImlzdSI6MTcwMDAwMDAwMH0.secret-A", EXPIRY);
  static final AuthorizationToken TOKEN_B = new AuthorizationToken("eyJ2ZXIiOjEsImlzdSI6MTcwMDAwMDAwMH0.secret-B", EXPIRY);

  /** A reactor: a mirror "acme-all" of central, two modules with CodeArtifact and other repositories, deployment. */
  static final class Build {
    final DefaultMavenExecutionRequest request = TestBuilds.request();
    final DefaultRepositorySystemSession repoSession;
    final MavenProject parent;
    final MavenProject module;
    final MavenSession session;
    final ArtifactRepository releasesDist = repo("releases", ACME_RELEASES);
    final ArtifactRepository snapshotsDist = repo("snapshots", ACME_SNAPSHOTS);

    Build(DefaultRepositorySystemSession repoSession) {
      this.repoSession = repoSession;
      Server existing = new Server();
      existing.setId("acme-all");
      existing.setFilePermissions("664");
      existing.setDirectoryPermissions("775");
      Xpp3Dom config = new Xpp3Dom("configuration");
      Xpp3Dom timeout = new Xpp3Dom("timeout");
      timeout.setValue("120000");
      config.addChild(timeout);
      existing.setConfiguration(config);
      request.addServer(existing);
      Server unrelated = new Server();
      unrelated.setId("github");
      unrelated.setUsername("me");
      unrelated.setPassword("ghp_user_password");
      request.addServer(unrelated);
      Mirror m = new Mirror();
      m.setId("acme-all");
      m.setMirrorOf("central");
      m.setUrl(ACME_MIRROR);
      request.addMirror(m);
      ArtifactRepository mirroredCentral = mirror("acme-all", ACME_MIRROR, repo("central", CENTRAL));
      request.setRemoteRepositories(new ArrayList<>(List.of(mirroredCentral)));
      request.setPluginArtifactRepositories(new ArrayList<>(List.of(mirror("acme-all", ACME_MIRROR,
          repo("central", CENTRAL)))));
      parent = project("parent", "1.0.0", List.of(mirror("acme-all", ACME_MIRROR, repo("central", CENTRAL))),
          List.of(mirror("acme-all", ACME_MIRROR, repo("central", CENTRAL))));
      parent.setReleaseArtifactRepository(releasesDist);
      parent.setSnapshotArtifactRepository(snapshotsDist);
      module = project("module", "1.0.0-SNAPSHOT", List.of(repo("releases", ACME_RELEASES),
          repo("other", OTHER_LIBS), mirror("acme-all", ACME_MIRROR, repo("central", CENTRAL))),
          List.of(repo("plugins-snapshots", ACME_SNAPSHOTS), mirror("acme-all", ACME_MIRROR, repo("central", CENTRAL))));
      module.setReleaseArtifactRepository(repo("releases", ACME_RELEASES));
      module.setSnapshotArtifactRepository(repo("snapshots", ACME_SNAPSHOTS));
      session = session(request, repoSession, parent, module);
    }

    Build() {
      this(readOnlyRepoSession());
    }
  }

  static Map<String, AuthorizationToken> acmeTokens(AuthorizationToken token) {
    Map<String, AuthorizationToken> m = new LinkedHashMap<>();
    for (String id : new String[] {"acme-all", "releases", "snapshots", "plugins-snapshots"}) {
      m.put(id, token);
    }
    return m;
  }

  @Test
  void everyProjectRepositoryCopyAuthenticates() {
    Build b = new Build();
    MavenCredentials.apply(b.session.getRequest(), b.session, acmeTokens(TOKEN), RecordingLog.SILENT);
    for (MavenProject p : List.of(b.parent, b.module)) {
      assertToken(b.repoSession, byId(p.getRemoteProjectRepositories(), "acme-all"), TOKEN.secret());
      assertToken(b.repoSession, byId(p.getRemotePluginRepositories(), "acme-all"), TOKEN.secret());
    }
    assertToken(b.repoSession, byId(b.module.getRemoteProjectRepositories(), "releases"), TOKEN.secret());
    assertToken(b.repoSession, byId(b.module.getRemotePluginRepositories(), "plugins-snapshots"), TOKEN.secret());
    // the mirror keeps what it mirrors
    RemoteRepository mirrored = byId(b.module.getRemoteProjectRepositories(), "acme-all");
    assertEquals("central", mirrored.getMirroredRepositories().get(0).getId());
    // a repository without a token stays anonymous
    assertNoAuthentication(b.repoSession, byId(b.module.getRemoteProjectRepositories(), "other"));
  }

  @Test
  void requestRepositoriesAndDistributionRepositoriesCarryTheToken() {
    Build b = new Build();
    MavenCredentials.apply(b.session.getRequest(), b.session, acmeTokens(TOKEN), RecordingLog.SILENT);
    for (ArtifactRepository r : List.of(b.request.getRemoteRepositories().get(0),
        b.request.getPluginArtifactRepositories().get(0), b.releasesDist, b.snapshotsDist)) {
      assertNotNull(r.getAuthentication(), r.getId());
      assertEquals("aws", r.getAuthentication().getUsername());
      assertEquals(TOKEN.secret(), r.getAuthentication().getPassword());
    }
    for (ArtifactRepository r : MavenCredentials.distributionRepositories(b.module)) {
      assertEquals(TOKEN.secret(), r.getAuthentication().getPassword(), r.getId());
    }
    assertEquals(2, MavenCredentials.distributionRepositories(b.module).size());
    // what maven-deploy-plugin 3.x converts: the current distribution repository
    assertEquals(TOKEN.secret(),
        b.module.getDistributionManagementArtifactRepository().getAuthentication().getPassword());
    assertEquals("snapshots", b.module.getDistributionManagementArtifactRepository().getId());
  }

  @Test
  void repositoriesCreatedLaterGetTheTokenFromTheSelector() {
    Build b = new Build();
    MavenCredentials.apply(b.session.getRequest(), b.session, acmeTokens(TOKEN), RecordingLog.SILENT);
    assertToken(b.repoSession, fresh(b.repoSession, "snapshots", ACME_SNAPSHOTS), TOKEN.secret());
    assertToken(b.repoSession, fresh(b.repoSession, "acme-all", ACME_MIRROR), TOKEN.secret());
    assertNoAuthentication(b.repoSession, fresh(b.repoSession, "other", OTHER_LIBS));
  }

  @Test
  void serversGetUsernameAndPasswordAndKeepTheirOtherSettings() {
    Build b = new Build();
    Server before = server(b.request, "acme-all");
    MavenCredentials.apply(b.session.getRequest(), b.session, acmeTokens(TOKEN), RecordingLog.SILENT);
    Server existing = server(b.request, "acme-all");
    assertSame(before, existing, "edited in place");
    assertEquals("aws", existing.getUsername());
    assertEquals(TOKEN.secret(), existing.getPassword());
    assertEquals("664", existing.getFilePermissions());
    assertEquals("775", existing.getDirectoryPermissions());
    assertEquals("120000", ((Xpp3Dom) existing.getConfiguration()).getChild("timeout").getValue());
    for (String id : new String[] {"releases", "snapshots", "plugins-snapshots"}) {
      assertEquals("aws", server(b.request, id).getUsername(), id);
      assertEquals(TOKEN.secret(), server(b.request, id).getPassword(), id);
    }
    Server github = server(b.request, "github");
    assertEquals("me", github.getUsername());
    assertEquals("ghp_user_password", github.getPassword());
    assertEquals(5, b.request.getServers().size());
    // Maven 3's session settings are a view of the request: the same entries
    assertEquals(TOKEN.secret(), b.session.getSettings().getServer("releases").getPassword());
  }

  @Test
  void applyingAgainReplacesTheTokenEverywhereWithoutDuplicates() {
    Build b = new Build();
    MavenCredentials.apply(b.session.getRequest(), b.session, acmeTokens(TOKEN), RecordingLog.SILENT);
    MavenCredentials.apply(b.session.getRequest(), b.session, acmeTokens(TOKEN), RecordingLog.SILENT);
    assertEquals(5, b.request.getServers().size());
    MavenCredentials.apply(b.session.getRequest(), b.session, acmeTokens(TOKEN_B), RecordingLog.SILENT);
    assertEquals(5, b.request.getServers().size());
    assertEquals(TOKEN_B.secret(), server(b.request, "releases").getPassword());
    assertToken(b.repoSession, byId(b.module.getRemoteProjectRepositories(), "releases"), TOKEN_B.secret());
    assertToken(b.repoSession, fresh(b.repoSession, "releases", ACME_RELEASES), TOKEN_B.secret());
    assertEquals(TOKEN_B.secret(), b.snapshotsDist.getAuthentication().getPassword());
  }

  @Test
  void emptyTokensChangeNothing() {
    Build b = new Build();
    List<RemoteRepository> before = b.module.getRemoteProjectRepositories();
    MavenCredentials.apply(b.session.getRequest(), b.session, Map.of(), RecordingLog.SILENT);
    assertSame(before, b.module.getRemoteProjectRepositories());
    assertEquals(2, b.request.getServers().size());
    assertNull(server(b.request, "acme-all").getPassword());
  }

  @Test
  void sessionWithoutSelectorStillAuthenticatesTheProjects() {
    DefaultRepositorySystemSession noSelector = new DefaultRepositorySystemSession();
    noSelector.setAuthenticationSelector(null);
    noSelector.setReadOnly();
    Build b = new Build(noSelector);
    RecordingLog log = new RecordingLog();
    MavenCredentials.apply(b.session.getRequest(), b.session, acmeTokens(TOKEN), log.buildLog());
    assertToken(b.repoSession, byId(b.module.getRemoteProjectRepositories(), "releases"), TOKEN.secret());
    assertEquals(TOKEN.secret(), server(b.request, "releases").getPassword());
    // resolver substitutes its own NullAuthenticationSelector: it has no add method, so nothing to add to
    assertEquals("NullAuthenticationSelector", b.repoSession.getAuthenticationSelector().getClass().getSimpleName());
    assertNoAuthentication(b.repoSession, fresh(b.repoSession, "releases", ACME_RELEASES));
    log.assertNoSecret(TOKEN.secret());
  }

  @Test
  void selectorThatTakesNoAdditionsIsLeftAlone() {
    // Like the testing harness's sessions: a selector that knows no servers and has no add method.
    DefaultRepositorySystemSession s = readOnlyRepoSession(repository -> null);
    Build b = new Build(s);
    RecordingLog log = new RecordingLog();
    MavenCredentials.apply(b.session.getRequest(), b.session, acmeTokens(TOKEN), log.buildLog());
    assertToken(b.repoSession, byId(b.parent.getRemotePluginRepositories(), "acme-all"), TOKEN.secret());
    assertNoAuthentication(b.repoSession, fresh(b.repoSession, "releases", ACME_RELEASES));
    assertTrue(log.debugs().stream().anyMatch(l -> l.contains("takes no additions")), log.debugs().toString());
    log.assertNoSecret(TOKEN.secret());
  }

  @Test
  void noRepositorySessionAtAll() {
    Build b = new Build();
    MavenSession withoutRepoSession = session(b.request, null, b.parent, b.module);
    MavenCredentials.apply(withoutRepoSession.getRequest(), withoutRepoSession, acmeTokens(TOKEN), RecordingLog.SILENT);
    assertEquals(TOKEN.secret(), b.releasesDist.getAuthentication().getPassword());
  }

  @Test
  void wrappedSelectorIsReached() {
    // Maven 3.9 wraps the DefaultAuthenticationSelector in a ConservativeAuthenticationSelector.
    DefaultAuthenticationSelector inner = new DefaultAuthenticationSelector();
    Build b = new Build(readOnlyRepoSession(new ConservativeAuthenticationSelector(inner)));
    MavenCredentials.apply(b.session.getRequest(), b.session, acmeTokens(TOKEN), RecordingLog.SILENT);
    assertToken(b.repoSession, fresh(b.repoSession, "snapshots", ACME_SNAPSHOTS), TOKEN.secret());
    RemoteRepository bare = new RemoteRepository.Builder("snapshots", "default", ACME_SNAPSHOTS).build();
    assertEquals(new TokenAuthentication(TOKEN), inner.getAuthentication(bare));
  }

  @Test
  void selectorKeepsUnrelatedServers() {
    DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
    selector.add("github", new AuthenticationBuilder().addUsername("me").addPassword("pw").build());
    Build b = new Build(readOnlyRepoSession(selector));
    MavenCredentials.apply(b.session.getRequest(), b.session, acmeTokens(TOKEN), RecordingLog.SILENT);
    try (AuthenticationContext ctx = AuthenticationContext.forRepository(b.repoSession,
        fresh(b.repoSession, "github", "https://maven.pkg.github.com/x/y"))) {
      assertEquals("me", ctx.get(AuthenticationContext.USERNAME));
      assertEquals("pw", ctx.get(AuthenticationContext.PASSWORD));
    }
  }

  @Test
  void projectWithoutArtifactOrRepositories() {
    Build b = new Build();
    MavenProject bare = new MavenProject();
    MavenSession s = session(b.request, b.repoSession, bare, b.module);
    MavenCredentials.apply(s.getRequest(), s, acmeTokens(TOKEN), RecordingLog.SILENT);
    assertTrue(MavenCredentials.distributionRepositories(bare).isEmpty());
    assertToken(b.repoSession, byId(b.module.getRemoteProjectRepositories(), "releases"), TOKEN.secret());
  }

  @Test
  void projectsFallBackToTheSortedProjectsWhenAllProjectsIsUnset() {
    Build b = new Build();
    MavenSession s = new MavenSession(null, b.repoSession, b.request,
        new org.apache.maven.execution.DefaultMavenExecutionResult());
    s.setProjects(new ArrayList<>(List.of(b.module)));
    assertEquals(List.of(b.module), MavenCredentials.projects(s));
    MavenCredentials.apply(s.getRequest(), s, acmeTokens(TOKEN), RecordingLog.SILENT);
    assertToken(b.repoSession, byId(b.module.getRemoteProjectRepositories(), "releases"), TOKEN.secret());
  }

  @Test
  void sixteenThreadsApplyingAtOnce() throws Exception {
    for (int round = 0; round < 20; round++) {
      Build b = new Build();
      int threads = 16;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        CyclicBarrier barrier = new CyclicBarrier(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          futures.add(pool.submit(() -> {
            barrier.await();
            MavenCredentials.apply(b.session.getRequest(), b.session, acmeTokens(TOKEN), RecordingLog.SILENT);
            // what other modules do meanwhile: read the servers and the selector
            for (Server s : b.request.getServers()) {
              s.getId();
            }
            fresh(b.repoSession, "releases", ACME_RELEASES);
            return null;
          }));
        }
        for (Future<?> f : futures) {
          f.get(30, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      Set<String> ids = new HashSet<>();
      for (Server s : b.request.getServers()) {
        assertTrue(ids.add(s.getId()), "duplicate server " + s.getId());
      }
      assertEquals(5, ids.size());
      assertEquals(TOKEN.secret(), server(b.request, "plugins-snapshots").getPassword());
      for (MavenProject p : List.of(b.parent, b.module)) {
        assertToken(b.repoSession, byId(p.getRemoteProjectRepositories(), "acme-all"), TOKEN.secret());
        assertToken(b.repoSession, byId(p.getRemotePluginRepositories(), "acme-all"), TOKEN.secret());
      }
      assertToken(b.repoSession, fresh(b.repoSession, "snapshots", ACME_SNAPSHOTS), TOKEN.secret());
    }
  }

  @Test
  void tokenAuthenticationFillsUserAwsAndTheToken() {
    DefaultRepositorySystemSession s = readOnlyRepoSession();
    RemoteRepository r = new RemoteRepository.Builder("releases", "default", ACME_RELEASES)
        .setAuthentication(new TokenAuthentication(TOKEN)).build();
    assertToken(s, r, TOKEN.secret());
    // the context wipes the password it was given when closed; the next context still gets the token
    AuthenticationContext first = AuthenticationContext.forRepository(s, r);
    first.get(AuthenticationContext.PASSWORD);
    first.close();
    assertToken(s, r, TOKEN.secret());
  }

  @Test
  void tokenAuthenticationEqualityAndRedaction() {
    TokenAuthentication a = new TokenAuthentication(TOKEN);
    assertEquals(a, new TokenAuthentication(new AuthorizationToken(TOKEN.secret(), EXPIRY)));
    assertEquals(a.hashCode(), new TokenAuthentication(new AuthorizationToken(TOKEN.secret(), EXPIRY)).hashCode());
    assertTrue(!a.equals(new TokenAuthentication(TOKEN_B)));
    assertTrue(!a.equals(new TokenAuthentication(new AuthorizationToken(TOKEN.secret(), EXPIRY.plusSeconds(1)))));
    assertTrue(!a.equals(null));
    Authentication same = new AuthenticationBuilder().addUsername("aws").addPassword(TOKEN.secret()).build();
    assertTrue(!a.equals(same));
    assertEquals("username=aws, password=***", a.toString());
    assertTrue(!a.toString().contains("secret"));
  }

  @Test
  void tokenAuthenticationDigestFollowsTheToken() {
    DefaultRepositorySystemSession s = readOnlyRepoSession();
    String digestA = digest(s, new TokenAuthentication(TOKEN));
    assertEquals(digestA, digest(s, new TokenAuthentication(new AuthorizationToken(TOKEN.secret(), EXPIRY))));
    String digestB = digest(s, new TokenAuthentication(TOKEN_B));
    assertTrue(!digestA.equals(digestB), "a new token must give a new digest (resolver caches by it)");
    assertTrue(!digestA.contains(TOKEN.secret()) && !digestA.contains("secret-A"));
    // the same credentials as a builder-made authentication: resolver treats them alike
    assertEquals(digest(s, new AuthenticationBuilder().addUsername("aws").addPassword(TOKEN.secret()).build()),
        digestA);
    assertThrows(IllegalArgumentException.class, () -> new AuthorizationToken("", EXPIRY));
  }

  private static String digest(DefaultRepositorySystemSession s, Authentication auth) {
    RemoteRepository r = new RemoteRepository.Builder("releases", "default", ACME_RELEASES)
        .setAuthentication(auth).build();
    return AuthenticationDigest.forRepository(s, r);
  }

  @Test
  void tokensForDifferentServersInOneCall() {
    Build b = new Build();
    Map<String, AuthorizationToken> tokens = new HashMap<>();
    tokens.put("releases", TOKEN);
    tokens.put("other", TOKEN_B);
    MavenCredentials.apply(b.session.getRequest(), b.session, tokens, RecordingLog.SILENT);
    assertToken(b.repoSession, byId(b.module.getRemoteProjectRepositories(), "releases"), TOKEN.secret());
    assertToken(b.repoSession, byId(b.module.getRemoteProjectRepositories(), "other"), TOKEN_B.secret());
    assertNoAuthentication(b.repoSession, byId(b.module.getRemoteProjectRepositories(), "acme-all"));
  }
}
