package dev.codeartifact.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.network.ProxySettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenPlannerTest {
  static final String A_RELEASES = "https://acme-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/releases/";
  static final String A_SNAPSHOTS = "https://acme-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/snapshots/";
  static final String A_VPCE =
      "https://vpce-0abc123-xyz.d.codeartifact.us-east-1.vpce.amazonaws.com/maven/d/acme-111122223333/plugins/";
  static final String B_LIBS = "https://other-2-444455556666.d.codeartifact.eu-west-1.amazonaws.com/maven/libs/";
  static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

  static TokenPlanner.Repository repo(String id, String url) {
    return new TokenPlanner.Repository(id, url);
  }

  static Parameters config(String... kv) throws InvalidParameterException {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Parameters.parse(Configuration.of(m), java.util.Collections.<ProxySettings>emptyList());
  }

  static TokenRequest request(String domain, String owner, String region) throws InvalidParameterException {
    return TokenRequest.builder().domain(domain).domainOwner(owner).region(region).build();
  }

  @Test
  void oneDomainManyRepositoriesGiveOneRequest() throws Exception {
    TokenPlanner.Plan plan = TokenPlanner.plan(config(), List.of(
        repo("central", CENTRAL), repo("releases", A_RELEASES), repo("snapshots", A_SNAPSHOTS),
        repo("plugins", A_VPCE), repo("releases", A_RELEASES)));
    assertEquals(Map.of(request("acme", "111122223333", "us-east-1"), Set.of("releases", "snapshots", "plugins")),
        plan.tokens());
    assertEquals(List.of("releases", "snapshots", "plugins"),
        new ArrayList<>(plan.tokens().values().iterator().next()), "order of the build");
    assertNull(plan.warning());
  }

  @Test
  void twoDomainsGiveTwoRequestsInOrder() throws Exception {
    TokenPlanner.Plan plan = TokenPlanner.plan(config(), List.of(
        repo("libs", B_LIBS), repo("releases", A_RELEASES), repo("snapshots", A_SNAPSHOTS)));
    List<TokenRequest> requests = new ArrayList<>(plan.tokens().keySet());
    assertEquals(List.of(request("other-2", "444455556666", "eu-west-1"), request("acme", "111122223333", "us-east-1")),
        requests);
    assertEquals(Set.of("libs"), plan.tokens().get(requests.get(0)));
    assertEquals(Set.of("releases", "snapshots"), plan.tokens().get(requests.get(1)));
  }

  @Test
  void sameDomainDifferentOwnersAreDifferentTokens() throws Exception {
    TokenPlanner.Plan plan = TokenPlanner.plan(config(), List.of(
        repo("a", A_RELEASES),
        repo("b", "https://acme-999999999999.d.codeartifact.us-east-1.amazonaws.com/maven/releases/")));
    assertEquals(2, plan.tokens().size());
  }

  @Test
  void nothingToDiscover() throws Exception {
    TokenPlanner.Plan plan = TokenPlanner.plan(config(), List.of(repo("central", CENTRAL)));
    assertTrue(plan.isEmpty());
    assertNull(plan.warning());
    assertTrue(TokenPlanner.plan(config(), List.of()).isEmpty());
  }

  @Test
  void configuredValuesOverrideTheUrl() throws Exception {
    TokenPlanner.Plan plan = TokenPlanner.plan(config(Configuration.DOMAIN, "acme",
        Configuration.DOMAIN_OWNER, "000000000000", Configuration.REGION, "us-west-2",
        Configuration.DURATION, "3600", Configuration.PROFILE, "ci"), List.of(repo("releases", A_RELEASES)));
    TokenRequest expected = TokenRequest.builder().domain("acme").domainOwner("000000000000").region("us-west-2")
        .durationSeconds("3600").profile("ci").build();
    assertEquals(Map.of(expected, Set.of("releases")), plan.tokens());
    assertNull(plan.warning());
  }

  @Test
  void configuredOwnerAppliesOnlyToTheConfiguredDomain() throws Exception {
    TokenPlanner.Plan plan = TokenPlanner.plan(config(Configuration.DOMAIN, "acme",
        Configuration.DOMAIN_OWNER, "000000000000", Configuration.DURATION, "900"),
        List.of(repo("releases", A_RELEASES), repo("libs", B_LIBS)));
    List<TokenRequest> requests = new ArrayList<>(plan.tokens().keySet());
    assertEquals("000000000000", requests.get(0).domainOwner());
    assertEquals("us-east-1", requests.get(0).region());
    assertEquals("other-2", requests.get(1).domain());
    assertEquals("444455556666", requests.get(1).domainOwner(), "the other domain keeps its URL's owner");
    assertEquals("eu-west-1", requests.get(1).region());
    assertEquals(Integer.valueOf(900), requests.get(1).durationSeconds(), "duration applies to every token");
  }

  @Test
  void warnsWhenTheConfiguredDomainMatchesNoRepository() throws Exception {
    TokenPlanner.Plan plan = TokenPlanner.plan(config(Configuration.DOMAIN, "nowhere"),
        List.of(repo("releases", A_RELEASES), repo("central", CENTRAL)));
    assertEquals("codeartifact.domain is nowhere but no repository of the build has a CodeArtifact URL of that"
        + " domain: name the servers that should get its token with codeartifact.serverIds", plan.warning());
    assertEquals(Set.of(request("acme", "111122223333", "us-east-1")), plan.tokens().keySet(),
        "the discovered domain still gets its token");
  }

  @Test
  void serverIdsWithoutDomainIsAnError() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> TokenPlanner.plan(config(Configuration.SERVER_IDS, "a,b"), List.of(repo("a", A_RELEASES))));
    assertEquals("codeartifact.serverIds", e.parameter());
    assertEquals("a,b", e.value());
    assertTrue(e.getMessage().contains("codeartifact.domain"), e.getMessage());
  }

  @Test
  void serverIdsTakeRegionAndOwnerFromTheNamedServersUrl() throws Exception {
    TokenPlanner.Plan plan = TokenPlanner.plan(config(Configuration.DOMAIN, "acme",
        Configuration.SERVER_IDS, "corp-mirror,releases"),
        List.of(repo("corp-mirror", "https://nexus.example.com/repository/maven/"), repo("releases", A_RELEASES),
            repo("other", B_LIBS), repo("snapshots", A_SNAPSHOTS)));
    assertEquals(Map.of(request("acme", "111122223333", "us-east-1"), Set.of("corp-mirror", "releases")),
        plan.tokens(), "only the named servers, not discovered ones");
    assertEquals(List.of("corp-mirror", "releases"), new ArrayList<>(plan.tokens().values().iterator().next()));
    assertNull(plan.warning());
  }

  @Test
  void serverIdsIgnoreUrlsOfAnotherDomain() throws Exception {
    TokenPlanner.Plan plan = TokenPlanner.plan(config(Configuration.DOMAIN, "acme",
        Configuration.SERVER_IDS, "libs"), List.of(repo("libs", B_LIBS)));
    assertEquals(Map.of(request("acme", null, null), Set.of("libs")), plan.tokens());
  }

  @Test
  void serverIdsConfiguredValuesWin() throws Exception {
    TokenPlanner.Plan plan = TokenPlanner.plan(config(Configuration.DOMAIN, "acme",
        Configuration.DOMAIN_OWNER, "000000000000", Configuration.REGION, "us-west-2",
        Configuration.SERVER_IDS, "releases"), List.of(repo("releases", A_RELEASES)));
    assertEquals(Map.of(request("acme", "000000000000", "us-west-2"), Set.of("releases")), plan.tokens());
  }

  @Test
  void serverIdsNotInTheBuildStillGetTheToken() throws Exception {
    TokenPlanner.Plan plan = TokenPlanner.plan(config(Configuration.DOMAIN, "acme",
        Configuration.SERVER_IDS, "ghost,releases,phantom"), List.of(repo("releases", A_RELEASES)));
    assertEquals(Map.of(request("acme", "111122223333", "us-east-1"), Set.of("ghost", "releases", "phantom")),
        plan.tokens(), "named servers get the token even when no repository uses them yet (deploy, settings)");
  }

  @Test
  void invalidConfigurationFailsBeforePlanning() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> TokenPlanner.plan(config(Configuration.DOMAIN_OWNER, "123"), List.of(repo("releases", A_RELEASES))));
    assertEquals("codeartifact.domainOwner", e.parameter());
  }
}
