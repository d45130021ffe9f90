package dev.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.AuthorizationToken;
import dev.codeartifact.core.TokenRequest;
import java.time.Instant;
import java.util.List;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.settings.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppliedTokensTest {
  static final String PROPERTY = "dev.codeartifact.applied";
  static final Instant EXPIRY = Instant.parse("2030-01-01T12:00:00.750Z");
  static final AuthorizationToken TOKEN = new AuthorizationToken("applied-token-secret-1", EXPIRY);

  TokenRequest acme;
  TokenRequest other;
  DefaultMavenExecutionRequest request;

  @BeforeEach
  void setUp() throws Exception {
    System.clearProperty(PROPERTY);
    acme = TokenRequest.builder().domain("acme").domainOwner("111122223333").region("us-east-1").build();
    other = TokenRequest.builder().domain("other").region("eu-west-1").build();
    request = new DefaultMavenExecutionRequest();
  }

  @AfterEach
  void tearDown() {
    System.clearProperty(PROPERTY);
  }

  private Server serverWithPassword(String id, String password) {
    Server s = new Server();
    s.setId(id);
    s.setUsername("aws");
    s.setPassword(password);
    request.addServer(s);
    return s;
  }

  @Test
  void recordHoldsNoSecret() {
    AppliedTokens.record(acme, List.of("releases", "snapshots"), TOKEN);
    String note = System.getProperty(PROPERTY);
    assertNotNull(note);
    assertFalse(note.contains(TOKEN.secret()));
    assertFalse(note.contains("applied-token"));
    assertTrue(note.matches("releases=[0-9a-f]{16}:[0-9a-f]{12}:\\d+,snapshots=[0-9a-f]{16}:[0-9a-f]{12}:\\d+"), note);
  }

  @Test
  void lookupFindsTheTokenTheServerCarries() {
    serverWithPassword("releases", TOKEN.secret());
    serverWithPassword("snapshots", TOKEN.secret());
    AppliedTokens.record(acme, List.of("releases", "snapshots"), TOKEN);
    AuthorizationToken found = AppliedTokens.lookup(request, acme, List.of("releases", "snapshots"));
    assertNotNull(found);
    assertEquals(TOKEN.secret(), found.secret());
    assertEquals(EXPIRY.getEpochSecond(), found.expiration().getEpochSecond());
  }

  @Test
  void lookupMissesOnAnotherRequestAnotherPasswordOrNoServer() throws Exception {
    Server releases = serverWithPassword("releases", TOKEN.secret());
    AppliedTokens.record(acme, List.of("releases"), TOKEN);
    assertNull(AppliedTokens.lookup(request, other, List.of("releases")), "other request");
    TokenRequest acme900 = TokenRequest.builder().domain("acme").domainOwner("111122223333").region("us-east-1")
        .durationSeconds("900").build();
    assertNull(AppliedTokens.lookup(request, acme900, List.of("releases")), "other duration");
    assertNull(AppliedTokens.lookup(request, acme, List.of("snapshots")), "no note, no server");
    releases.setPassword("changed-by-someone");
    assertNull(AppliedTokens.lookup(request, acme, List.of("releases")), "password no longer ours");
    releases.setPassword(null);
    assertNull(AppliedTokens.lookup(request, acme, List.of("releases")), "no password");
    assertNull(AppliedTokens.lookup(new DefaultMavenExecutionRequest(), acme, List.of("releases")), "no server");
  }

  @Test
  void lookupIgnoresAGarbledNote() {
    serverWithPassword("releases", TOKEN.secret());
    System.setProperty(PROPERTY, "releases=garbage,=x,noequals");
    assertNull(AppliedTokens.lookup(request, acme, List.of("releases")));
    System.setProperty(PROPERTY, "releases=a:b:c:d");
    assertNull(AppliedTokens.lookup(request, acme, List.of("releases")));
  }

  @Test
  void isOursTellsOurTokenFromTheUsersPassword() {
    Server releases = serverWithPassword("releases", TOKEN.secret());
    Server users = serverWithPassword("github", "users-own-password");
    assertFalse(AppliedTokens.isOurs(releases), "nothing recorded yet");
    AppliedTokens.record(acme, List.of("releases"), TOKEN);
    assertTrue(AppliedTokens.isOurs(releases));
    assertFalse(AppliedTokens.isOurs(users));
    releases.setPassword("users-own-password");
    assertFalse(AppliedTokens.isOurs(releases));
    releases.setPassword(null);
    assertFalse(AppliedTokens.isOurs(releases));
  }

  @Test
  void laterRecordsKeepEarlierOnesAndReplaceTheSameId() {
    AuthorizationToken otherToken = new AuthorizationToken("applied-token-secret-2", EXPIRY);
    serverWithPassword("releases", TOKEN.secret());
    serverWithPassword("libs", otherToken.secret());
    AppliedTokens.record(acme, List.of("releases"), TOKEN);
    AppliedTokens.record(other, List.of("libs"), otherToken);
    assertNotNull(AppliedTokens.lookup(request, acme, List.of("releases")));
    assertNotNull(AppliedTokens.lookup(request, other, List.of("libs")));
    AuthorizationToken renewed = new AuthorizationToken("applied-token-secret-3", EXPIRY.plusSeconds(3600));
    AppliedTokens.record(acme, List.of("releases"), renewed);
    assertNull(AppliedTokens.lookup(request, acme, List.of("releases")), "server still holds the old token");
    AppliedTokens.server(request, "releases").setPassword(renewed.secret());
    assertEquals(EXPIRY.plusSeconds(3600).getEpochSecond(),
        AppliedTokens.lookup(request, acme, List.of("releases")).expiration().getEpochSecond());
    assertEquals(2, System.getProperty(PROPERTY).split(",").length);
  }
}
