package dev.codeartifact.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.network.ProxySettings;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoginPlanTest {
  private static final String RELEASES = "https://my-domain-2-111122223333.d.codeartifact.us-gov-west-1.amazonaws.com/maven/releases/";
  private static final String SNAPSHOTS = "https://my-domain-2-111122223333.d.codeartifact.us-gov-west-1.amazonaws.com/maven/snapshots";
  private static final String OTHER = "https://other-444455556666.d.codeartifact.eu-west-1.amazonaws.com/maven/libs/";

  private static Parameters config(String... kv) throws InvalidParameterException {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Parameters.parse(Configuration.of(m), java.util.Collections.<ProxySettings>emptyList());
  }

  private static Set<String> ids(String... ids) {
    return new LinkedHashSet<>(Arrays.asList(ids));
  }

  @Test
  void urlTakesTheIdsOfEveryRepositoryWithThatUrl() throws Exception {
    List<TokenPlanner.Repository> known = Arrays.asList(
        new TokenPlanner.Repository("central", "https://repo.maven.apache.org/maven2"),
        new TokenPlanner.Repository("corp", "HTTPS://my-domain-2-111122223333.d.codeartifact.us-gov-west-1.amazonaws.com/maven/releases"),
        new TokenPlanner.Repository("corp-deploy", RELEASES),
        new TokenPlanner.Repository("corp-snapshots", SNAPSHOTS));
    LoginPlan plan = LoginPlan.plan(config(Configuration.DURATION, "3600"), RELEASES, known);
    assertEquals(1, plan.tokens().size());
    TokenRequest request = plan.tokens().keySet().iterator().next();
    assertEquals("my-domain-2", request.domain());
    assertEquals("111122223333", request.domainOwner());
    assertEquals("us-gov-west-1", request.region());
    assertEquals(Integer.valueOf(3600), request.durationSeconds());
    assertEquals(ids("corp", "corp-deploy"), plan.tokens().get(request));
    assertTrue(plan.fallbackIds().isEmpty());
  }

  @Test
  void unknownUrlGetsDomainDashRepository() throws Exception {
    LoginPlan plan = LoginPlan.plan(config(), RELEASES + ", " + SNAPSHOTS + " " + OTHER, Collections.emptyList());
    assertEquals(2, plan.tokens().size());
    assertEquals(ids("my-domain-2-releases", "my-domain-2-snapshots", "other-libs"), plan.serverIds());
    assertEquals(ids("my-domain-2-releases", "my-domain-2-snapshots", "other-libs"), plan.fallbackIds().keySet());
  }

  @Test
  void serverIdsTakeTheConfiguredDomain() throws Exception {
    LoginPlan plan = LoginPlan.plan(config(Configuration.DOMAIN, "d1", Configuration.SERVER_IDS, "a,b",
        Configuration.REGION, "us-east-1"), OTHER, Collections.emptyList());
    assertEquals(2, plan.tokens().size());
    assertEquals(ids("a", "b", "other-libs"), plan.serverIds());
  }

  @Test
  void serverIdsNeedADomain() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> LoginPlan.plan(config(Configuration.SERVER_IDS, "a"), null, Collections.emptyList()));
    assertEquals(Configuration.SERVER_IDS, e.parameter());
  }

  @Test
  void aUrlThatIsNotCodeArtifactIsRejected() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> LoginPlan.plan(config(), "https://repo.maven.apache.org/maven2/", Collections.emptyList()));
    assertEquals(LoginPlan.URL, e.parameter());
    assertEquals("https://repo.maven.apache.org/maven2/", e.value());
    assertThrows(InvalidParameterException.class, () -> LoginPlan.parseUrls(
        "https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/"));
  }

  @Test
  void nothingGivenIsAnEmptyPlan() throws Exception {
    assertTrue(LoginPlan.plan(config(), null, Collections.emptyList()).isEmpty());
    assertTrue(LoginPlan.plan(config(), " ", Collections.emptyList()).isEmpty());
  }
}
