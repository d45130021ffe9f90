package dev.codeartifact.maven.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.cache.CacheKey;
import dev.codeartifact.core.cache.CachedToken;
import dev.codeartifact.core.cache.DiskTokenCache;
import dev.codeartifact.core.flow.RecordingLog;
import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.maven.TestBuilds;
import dev.codeartifact.maven.build.MavenBuild;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which repositories a failed build's errors show answering 401, as each Maven and transport words it. */
class RejectedTokensTest {
  private static final String TRANSFER =
      "Could not transfer artifact g:a:jar:1.0 from/to codeartifact (https://d-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/r/): ";

  private static LinkedHashSet<String> ids(String... ids) {
    return new LinkedHashSet<>(Arrays.asList(ids));
  }

  private static java.util.Set<String> of(Throwable t) {
    return RejectedTokens.unauthorizedRepositories(Collections.singletonList(t));
  }

  @Test
  void everyTransportsWordingOf401() {
    assertEquals(ids("codeartifact"), of(new Exception(TRANSFER + "status code: 401, reason phrase: Unauthorized (401)")));
    assertEquals(ids("codeartifact"), of(new Exception(TRANSFER + "HTTP Status: 401")));
    assertEquals(ids("codeartifact"), of(new Exception(TRANSFER + "Authentication failed for https://x/a.pom 401 Unauthorized")));
    assertEquals(ids("codeartifact"), of(new Exception(TRANSFER + "Not authorized , ReasonPhrase:Unauthorized.")));
    assertEquals(ids("codeartifact"), of(new Exception(TRANSFER + "too many authentication attempts. Limit: 3")));
  }

  @Test
  void onlyTheRepositoriesWhoseOwnLineSays401() {
    Exception e = new Exception("Could not resolve dependencies\n"
        + "\tCould not find artifact g:a:jar:1.0 in central (https://repo.maven.apache.org/maven2)\n"
        + "\tCould not transfer artifact g:b:jar:1.0 from/to other (https://other/): HTTP Status: 403\n"
        + "\t" + TRANSFER + "HTTP Status: 401");
    assertEquals(ids("codeartifact"), of(e));
  }

  @Test
  void causesAreRead() {
    Exception e = new Exception("Failed to execute goal", new IOException(TRANSFER + "status code: 401, reason phrase: Unauthorized (401)"));
    assertEquals(ids("codeartifact"), of(e));
  }

  @Test
  void maven310sSessionFailureIsReadFromTheTrackingFile() throws Exception {
    Path pomDir = java.nio.file.Files.createDirectories(tmp.resolve("repo/com/example/lib/1.0"));
    java.nio.file.Files.write(pomDir.resolve("lib-1.0.pom.lastUpdated"), Arrays.asList(
        "#NOTE: This is a Maven Resolver internal implementation file, its format can be changed without prior notice.",
        "https\\://repo.maven.apache.org/maven2/.error=",
        "https\\://x/maven/r/.error=Could not transfer artifact com.example\\:lib\\:pom\\:1.0 from/to codeartifact"
            + " (https\\://x/maven/r/)\\: HTTP Status\\: 401",
        "https\\://y/.error=Could not transfer artifact com.example\\:lib\\:pom\\:1.0 from/to other (https\\://y/)\\: HTTP Status\\: 500"));
    Exception e = new Exception("Could not collect dependencies for project p\nArtifact descriptor resolution of"
        + " com.example:lib:jar:1.0 already failed in this session: Failed to read artifact descriptor for"
        + " com.example:lib:jar:1.0");

    assertEquals(ids("codeartifact"), RejectedTokens.unauthorizedRepositories(Collections.singletonList(e),
        tmp.resolve("repo").toFile()));
    assertEquals(ids(), RejectedTokens.unauthorizedRepositories(Collections.singletonList(e),
        tmp.resolve("elsewhere").toFile()));
    assertEquals(ids(), of(e), "without a local repository, nothing to read");
  }

  @Test
  void otherFailuresNameNoRepository() {
    assertEquals(ids(), of(new Exception(TRANSFER + "status code: 403, reason phrase: Forbidden (403)")));
    assertEquals(ids(), of(new Exception(TRANSFER + "Connection refused")));
    assertEquals(ids(), of(new Exception("Compilation failure: 401 errors")));
    assertEquals(ids(), RejectedTokens.unauthorizedRepositories(null));
    Exception loop = new Exception("a");
    Exception cause = new Exception("b", loop);
    loop.initCause(cause);
    assertEquals(ids(), of(loop));
  }

  // ---------------------------------------------------------------- forget

  private static final String SECRET = "rejected-token-secret-0123456789";
  private static final TokenRequest ACME = acme();

  private static TokenRequest acme() {
    try {
      return TokenRequest.builder().domain("acme").domainOwner("111122223333").region("us-east-1").build();
    } catch (dev.codeartifact.core.flow.InvalidParameterException e) {
      throw new AssertionError(e);
    }
  }

  @TempDir Path tmp;

  @AfterEach
  void clearNotes() {
    System.clearProperty("dev.codeartifact.applied");
    System.clearProperty("dev.codeartifact.once");
  }

  /** A build started at {@code start} whose server {@code id} carries {@code password}, set by us or not. */
  private static MavenSession build(Instant start, String id, String password, boolean ours) {
    DefaultMavenExecutionRequest request = TestBuilds.request();
    request.setStartTime(Date.from(start));
    Server server = new Server();
    server.setId(id);
    server.setUsername("aws");
    server.setPassword(password);
    request.addServer(server);
    if (ours) {
      MavenBuild.notes(request).applied(ACME, Collections.singletonList(id),
          new AuthorizationToken(password, start.plus(Duration.ofHours(12))));
    }
    return TestBuilds.session(request, TestBuilds.readOnlyRepoSession());
  }

  private CacheKey cached(Instant fetchedAt) {
    CacheKey key = CacheKey.of(ACME, Collections.<String, String>emptyMap(), tmp.resolve("home"));
    assertTrue(new DiskTokenCache(tmp.resolve("cache"), Clock.systemUTC(), new RecordingLog().buildLog())
        .store(key, new CachedToken(new AuthorizationToken(SECRET, fetchedAt.plus(Duration.ofHours(12))), fetchedAt)));
    return key;
  }

  @Test
  void aCachedTokenIsForgottenWithOneWarningPerBuild() {
    Instant start = Instant.now();
    CacheKey key = cached(start.minus(Duration.ofHours(2)));
    MavenSession session = build(start, "codeartifact", SECRET, true);
    RecordingLog log = new RecordingLog();

    RejectedTokens.forget(session, ids("codeartifact"), tmp.resolve("cache"), false, log.buildLog());
    RejectedTokens.forget(session, ids("codeartifact"), tmp.resolve("cache"), false, log.buildLog()); // the other realm's participant

    assertNull(new DiskTokenCache(tmp.resolve("cache"), Clock.systemUTC(), log.buildLog()).read(key));
    assertEquals(1, log.warns().size(), log.warns().toString());
    assertTrue(log.warns().get(0).startsWith("Repository codeartifact rejected (HTTP 401) the CodeArtifact token this"
        + " build took from the token cache (fetched "), log.warns().get(0));
    assertFalse(log.all().contains(SECRET));
  }

  @Test
  void aTokenFetchedByThisBuildIsForgottenWithTheDomainHint() {
    Instant start = Instant.now().minus(Duration.ofMinutes(1));
    CacheKey key = cached(start.plus(Duration.ofSeconds(5)));
    RecordingLog log = new RecordingLog();

    RejectedTokens.forget(build(start, "codeartifact", SECRET, true), ids("codeartifact"), tmp.resolve("cache"), false, log.buildLog());

    assertNull(new DiskTokenCache(tmp.resolve("cache"), Clock.systemUTC(), log.buildLog()).read(key));
    assertEquals(Collections.singletonList("Repository codeartifact rejected (HTTP 401) the CodeArtifact token this"
        + " build gave it: check that its URL names the token's domain and domain owner (codeartifact.domain,"
        + " codeartifact.domainOwner)"), log.warns());
  }

  @Test
  void aTokenFromTheEnvironmentGetsItsOwnHint() {
    RecordingLog log = new RecordingLog();

    RejectedTokens.forget(build(Instant.now(), "codeartifact", SECRET, true), ids("codeartifact"), null, true, log.buildLog());

    assertEquals(Collections.singletonList("Repository codeartifact rejected (HTTP 401) the CodeArtifact token from"
        + " CODEARTIFACT_AUTH_TOKEN (codeartifact.tokenFromEnvironment=true): it may have expired, or have been"
        + " issued for another domain; unset it or set codeartifact.tokenFromEnvironment=false to let the plugin"
        + " fetch one"), log.warns());
  }

  @Test
  void theUsersOwnPasswordAndOtherRepositoriesAreLeftAlone() {
    Instant start = Instant.now();
    CacheKey key = cached(start.minus(Duration.ofHours(2)));
    RecordingLog log = new RecordingLog();

    RejectedTokens.forget(build(start, "codeartifact", SECRET, false), ids("codeartifact"), tmp.resolve("cache"), false, log.buildLog());
    RejectedTokens.forget(build(start, "codeartifact", SECRET, true), ids("elsewhere"), tmp.resolve("cache"), false, log.buildLog());

    assertNotNull(new DiskTokenCache(tmp.resolve("cache"), Clock.systemUTC(), log.buildLog()).read(key));
    assertEquals(Collections.emptyList(), log.warns());
  }
}
