package dev.codeartifact.maven;

import static dev.codeartifact.maven.TestBuilds.ACME_MIRROR;
import static dev.codeartifact.maven.TestBuilds.ACME_RELEASES;
import static dev.codeartifact.maven.TestBuilds.ACME_SNAPSHOTS;
import static dev.codeartifact.maven.TestBuilds.CENTRAL;
import static dev.codeartifact.maven.TestBuilds.OTHER_LIBS;
import static dev.codeartifact.maven.TestBuilds.assertNoAuthentication;
import static dev.codeartifact.maven.TestBuilds.assertToken;
import static dev.codeartifact.maven.TestBuilds.byId;
import static dev.codeartifact.maven.TestBuilds.mirror;
import static dev.codeartifact.maven.TestBuilds.project;
import static dev.codeartifact.maven.TestBuilds.readOnlyRepoSession;
import static dev.codeartifact.maven.TestBuilds.repo;
import static dev.codeartifact.maven.TestBuilds.server;
import static dev.codeartifact.maven.TestBuilds.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.flow.Configuration;
import dev.codeartifact.core.flow.InvalidParameterException;
import dev.codeartifact.core.flow.RecordingLog;
import dev.codeartifact.core.flow.TokenFlow;
import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.network.ProxySettings;
import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.core.token.TokenSource;
import dev.codeartifact.maven.build.BuildRepositories;
import dev.codeartifact.maven.build.MavenBuild;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Server;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one flow ({@link TokenFlow}) run against Maven's objects through {@link MavenBuild}, as the goal and build extension run it. */
class MavenFlowTest {
  /** A token source that counts requests and never talks to AWS. */
  static final class FakeSource implements TokenSource {
    final AtomicInteger fetches = new AtomicInteger();
    final List<TokenRequest> requests = new CopyOnWriteArrayList<>();
    volatile CodeArtifactException failure;
    final Map<String, String> last = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public AuthorizationToken fetch(TokenRequest request) throws CodeArtifactException {
      int n = fetches.incrementAndGet();
      requests.add(request);
      if (failure != null) {
        throw failure;
      }
      // 12 h and a bit, so the "in ..." part of the INFO line is stable
      String secret = secretFor(request.domain(), n);
      last.put(request.domain(), secret);
      return new AuthorizationToken(secret, Instant.now().plus(Duration.ofHours(12)).plusSeconds(40));
    }

    static String secretFor(String domain, int n) {
      return "SECRET-" + domain + "-" + n + "-eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0";
    }
  }

  final FakeSource source = new FakeSource();
  final AtomicInteger factoryCalls = new AtomicInteger();
  final RecordingLog log = new RecordingLog();
  DefaultMavenExecutionRequest request;
  DefaultRepositorySystemSession repoSession;
  MavenProject parent;
  MavenProject module;
  MavenSession session;

  @BeforeEach
  void setUp() {
    request = TestBuilds.request();
    Mirror m = new Mirror();
    m.setId("acme-all");
    m.setMirrorOf("central");
    m.setUrl(ACME_MIRROR);
    request.addMirror(m);
    repoSession = readOnlyRepoSession();
    parent = project("parent", "1.0.0", List.of(mirror("acme-all", ACME_MIRROR, repo("central", CENTRAL))),
        List.of(mirror("acme-all", ACME_MIRROR, repo("central", CENTRAL))));
    module = project("module", "1.0.0-SNAPSHOT", List.of(repo("releases", ACME_RELEASES), repo("libs", OTHER_LIBS)),
        List.of(mirror("acme-all", ACME_MIRROR, repo("central", CENTRAL))));
    module.setReleaseArtifactRepository(repo("releases", ACME_RELEASES));
    module.setSnapshotArtifactRepository(repo("snapshots", ACME_SNAPSHOTS));
    session = session(request, repoSession, parent, module);
  }

  /** The flow as the goal runs it, a failure thrown as the goal would. */
  final class Authenticator {
    TokenFlow.Outcome authenticate(MavenSession s, Configuration config) throws CodeArtifactException {
      TokenFlow flow = new TokenFlow(log.buildLog(), (parameters, buildLog) -> {
        factoryCalls.incrementAndGet();
        return source;
      }, Clock.systemUTC());
      TokenFlow.Outcome o = flow.authenticate(config, Collections.<ProxySettings>emptyList(),
          () -> BuildRepositories.of(s), MavenBuild.of(s, log.buildLog()));
      if (o.status() == TokenFlow.Outcome.Status.FAILED) {
        throw o.failure();
      }
      return o;
    }
  }

  Authenticator authenticator() {
    return new Authenticator();
  }

  static boolean nothingFound(TokenFlow.Outcome o) {
    return o.status() == TokenFlow.Outcome.Status.NOTHING_FOUND;
  }

  static Configuration config(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Configuration.of(m);
  }

  /** A server the user wrote in settings.xml, with its own credentials. */
  void addOwnServer(String id, String username, String password) {
    Server own = new Server();
    own.setId(id);
    own.setUsername(username);
    own.setPassword(password);
    request.addServer(own);
  }

  void assertNoSecretLogged() {
    for (int n = 1; n <= source.fetches.get(); n++) {
      log.assertNoSecret(FakeSource.secretFor("acme", n), FakeSource.secretFor("other", n), "SECRET-");
    }
    log.assertNoSecret("SECRET-", "user-own-password");
  }

  @Test
  void discoversEveryDomainOfTheBuildAndAppliesOneTokenEach() throws Exception {
    TokenFlow.Outcome outcome = authenticator().authenticate(session, config());
    assertEquals(2, source.fetches.get(), "one fetch per domain");
    assertEquals(List.of("acme", "other"), List.of(source.requests.get(0).domain(), source.requests.get(1).domain()));
    assertEquals("111122223333", source.requests.get(0).domainOwner());
    assertEquals("us-east-1", source.requests.get(0).region());
    assertEquals("eu-west-1", source.requests.get(1).region());
    assertEquals(List.of("acme-all", "releases", "snapshots", "libs"), new ArrayList<>(outcome.applied().keySet()));
    String acme = FakeSource.secretFor("acme", 1);
    String other = FakeSource.secretFor("other", 2);
    assertEquals(acme, outcome.applied().get("releases").secret());
    assertEquals(other, outcome.applied().get("libs").secret());
    assertFalse(nothingFound(outcome));
    assertToken(repoSession, byId(module.getRemoteProjectRepositories(), "releases"), acme);
    assertToken(repoSession, byId(module.getRemoteProjectRepositories(), "libs"), other);
    assertToken(repoSession, byId(parent.getRemotePluginRepositories(), "acme-all"), acme);
    assertEquals(acme, server(request, "snapshots").getPassword());
    assertEquals(1, factoryCalls.get());
    assertNoSecretLogged();
  }

  @Test
  void infoLinePerTokenWithoutTheToken() throws Exception {
    authenticator().authenticate(session, config());
    assertEquals(2, log.infos().size(), log.infos().toString());
    String expires = "expires \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ \\(in 12 h 0 min\\)";
    assertTrue(log.infos().get(0).matches("CodeArtifact token for domain acme \\(owner 111122223333, region us-east-1\\)"
        + " applied to acme-all, releases, snapshots; " + expires), log.infos().get(0));
    assertTrue(log.infos().get(1).matches("CodeArtifact token for domain other \\(owner 444455556666, region eu-west-1\\)"
        + " applied to libs; " + expires), log.infos().get(1));
    assertTrue(log.warns().isEmpty(), log.warns().toString());
    assertNoSecretLogged();
  }

  @Test
  void secondRunInTheSameBuildFetchesAndLogsNothingNew() throws Exception {
    authenticator().authenticate(session, config());
    int infos = log.infos().size();
    TokenFlow.Outcome again = authenticator().authenticate(session, config());
    assertEquals(2, source.fetches.get());
    assertTrue(again.applied().isEmpty(), again.applied().keySet().toString());
    assertEquals(infos, log.infos().size());
  }

  @Test
  void anotherRealmSeesTheAppliedTokenAndDoesNotFetch() throws Exception {
    authenticator().authenticate(session, config());
    // a different class realm (the core extension, say) applied it: only the build's notes say so
    TokenFlow.Outcome again = authenticator().authenticate(session, config());
    assertEquals(2, source.fetches.get(), "found through the applied-token note, not fetched");
    assertTrue(again.applied().isEmpty());
    assertTrue(log.debugs().stream().anyMatch(l -> l.startsWith("CodeArtifact token for domain acme")
        && l.endsWith("already applied to [acme-all, releases, snapshots]")), log.debugs().toString());
    assertNoSecretLogged();
  }

  @Test
  void userPasswordWinsUnlessTheServerIsNamed() throws Exception {
    addOwnServer("releases", "deployer", "user-own-password");
    TokenFlow.Outcome outcome = authenticator().authenticate(session, config());
    assertFalse(outcome.applied().containsKey("releases"));
    assertTrue(outcome.applied().containsKey("snapshots"));
    assertEquals("deployer", server(request, "releases").getUsername());
    assertEquals("user-own-password", server(request, "releases").getPassword());
    assertNoAuthentication(repoSession, byId(module.getRemoteProjectRepositories(), "releases"));
    assertTrue(log.infos().contains("Server releases has a password in settings.xml: keeping it instead of a"
        + " CodeArtifact token (name it in codeartifact.serverIds to use the token)"), log.infos().toString());
    assertTrue(log.infos().stream().anyMatch(l -> l.contains("applied to acme-all, snapshots;")), log.infos().toString());
    assertNoSecretLogged();
  }

  @Test
  void namedServerGetsTheTokenOverTheUsersPassword() throws Exception {
    addOwnServer("releases", "deployer", "user-own-password");
    TokenFlow.Outcome outcome = authenticator().authenticate(session,
        config(Configuration.DOMAIN, "acme", Configuration.SERVER_IDS, "releases"));
    assertEquals(List.of("releases"), new ArrayList<>(outcome.applied().keySet()));
    assertEquals("aws", server(request, "releases").getUsername());
    assertEquals(FakeSource.secretFor("acme", 1), server(request, "releases").getPassword());
    assertEquals("111122223333", source.requests.get(0).domainOwner(), "taken from the named server's URL");
    assertNoSecretLogged();
  }

  @Test
  void unresolvedPropertyIsNoPassword() throws Exception {
    addOwnServer("releases", "aws", "${env.CODEARTIFACT_AUTH_TOKEN}");
    TokenFlow.Outcome outcome = authenticator().authenticate(session, config());
    assertTrue(outcome.applied().containsKey("releases"));
    assertEquals(FakeSource.secretFor("acme", 1), server(request, "releases").getPassword());
  }

  @Test
  void failOnErrorFalseWarnsAndGoesOn() throws Exception {
    source.failure = new CodeArtifactException("Access denied to CodeArtifact domain acme: check your IAM policy");
    TokenFlow.Outcome outcome =
        authenticator().authenticate(session, config(Configuration.FAIL_ON_ERROR, "false"));
    assertTrue(outcome.applied().isEmpty());
    assertEquals(2, log.warns().size(), log.warns().toString());
    assertEquals("Access denied to CodeArtifact domain acme: check your IAM policy (codeartifact.failOnError=false:"
        + " going on without a token for acme-all, releases, snapshots)", log.warns().get(0));
    assertNull(server(request, "releases"));
    assertNoAuthentication(repoSession, byId(module.getRemoteProjectRepositories(), "releases"));
  }

  @Test
  void failOnErrorByDefault() {
    CodeArtifactException failure = new CodeArtifactException("Access denied");
    source.failure = failure;
    CodeArtifactException e = assertThrows(CodeArtifactException.class,
        () -> authenticator().authenticate(session, config()));
    assertSame(failure, e);
    assertEquals(1, source.fetches.get(), "stops at the first failure");
    assertTrue(log.warns().isEmpty());
  }

  @Test
  void offlineWarnsAndFetchesNothing() throws Exception {
    request.setOffline(true);
    TokenFlow.Outcome outcome = authenticator().authenticate(session, config());
    assertEquals(0, source.fetches.get());
    assertEquals(0, factoryCalls.get());
    assertTrue(outcome.applied().isEmpty());
    assertFalse(nothingFound(outcome));
    assertEquals(List.of("Offline build (-o): not requesting a CodeArtifact token; repositories that need one will"
        + " fail"), log.warns());
  }

  @Test
  void nothingFound() throws Exception {
    MavenProject plain = project("plain", "1.0", List.of(repo("central", CENTRAL)), List.of(repo("central", CENTRAL)));
    MavenSession s = session(TestBuilds.request(), repoSession, plain);
    TokenFlow.Outcome outcome = authenticator().authenticate(s, config());
    assertTrue(nothingFound(outcome));
    assertEquals(0, factoryCalls.get());
    assertTrue(log.warns().isEmpty());
  }

  @Test
  void configuredDomainMatchingNothingWarns() throws Exception {
    authenticator().authenticate(session, config(Configuration.DOMAIN, "nowhere"));
    assertEquals(1, log.warns().size());
    assertTrue(log.warns().get(0).startsWith("codeartifact.domain is nowhere but no repository"), log.warns().get(0));
  }

  @Test
  void invalidConfigurationFailsBeforeAnything() {
    for (String[] kv : new String[][] {
        {Configuration.DOMAIN_OWNER, "123"}, {Configuration.FAIL_ON_ERROR, "maybe"}, {Configuration.CACHE, "yes"},
        {Configuration.TOKEN_FROM_ENVIRONMENT, "1"}, {Configuration.CONNECT_TIMEOUT, "0"}}) {
      InvalidParameterException e = assertThrows(InvalidParameterException.class,
          () -> authenticator().authenticate(session, config(kv)));
      assertEquals(kv[0], e.parameter());
      assertEquals(kv[1], e.value());
    }
    assertEquals(0, factoryCalls.get());
    assertNull(server(request, "releases"));
  }

  @Test
  void modulesAuthenticatingInParallelShareOneFetchPerDomain() throws Exception {
    for (int round = 0; round < 10; round++) {
      setUp();
      source.fetches.set(0);
      int threads = 16;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        CyclicBarrier barrier = new CyclicBarrier(threads);
        List<Future<TokenFlow.Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          futures.add(pool.submit(() -> {
            barrier.await();
            return authenticator().authenticate(session, config());
          }));
        }
        for (Future<TokenFlow.Outcome> f : futures) {
          f.get(30, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      assertEquals(2, source.fetches.get());
      assertToken(repoSession, byId(module.getRemoteProjectRepositories(), "releases"), source.last.get("acme"));
      assertToken(repoSession, byId(module.getRemoteProjectRepositories(), "libs"), source.last.get("other"));
      assertEquals(source.last.get("acme"), server(request, "snapshots").getPassword());
      assertEquals(4, request.getServers().size());
    }
  }
}
