package dev.codeartifact.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.network.ProxySettings;
import dev.codeartifact.core.token.AuthorizationToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one flow without Maven: what the user reads, and what each outcome says. */
class TokenFlowTest {
  final RecordingLog recorded = RecordingLog.withoutDebug();
  final List<String> lines = recorded.lines;
  final BuildLog log = recorded.buildLog();
  final AtomicInteger fetches = new AtomicInteger();
  final FakeBuild build = new FakeBuild();

  private TokenFlow flow(AuthorizationToken.Origin origin) {
    return new TokenFlow(log, (p, l) -> r -> {
      fetches.incrementAndGet();
      if (r.domain().startsWith("denied")) {
        throw new CodeArtifactException(CodeArtifactException.Kind.ACCESS_DENIED, "Access denied for " + r.describe());
      }
      return new AuthorizationToken("SECRET-" + fetches.get(), Instant.now().plus(Duration.ofHours(12)).plusSeconds(40))
          .from(origin, Instant.now());
    }, Clock.systemUTC());
  }

  private static Configuration config(String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put(Configuration.REGION, "us-west-2");
    m.put(Configuration.SERVER_IDS, "codeartifact");
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Configuration.of(m);
  }

  private TokenFlow.Outcome authenticate(TokenFlow flow, Configuration config) {
    return flow.authenticate(config, Collections.<ProxySettings>emptyList(), Collections::emptyList, build);
  }

  @Test
  void theInfoLineNamesWhereTheTokenCameFrom() {
    String prefix = "INFO CodeArtifact token for domain corp (owner caller's account, region us-west-2) applied to"
        + " codeartifact; expires ";
    String[][] cases = {
      {"AWS", "; from AWS"}, {"DISK_CACHE", "; from the disk cache"}, {"ENVIRONMENT", "; from CODEARTIFACT_AUTH_TOKEN"}
    };
    for (String[] c : cases) {
      lines.clear();
      FakeBuild fresh = new FakeBuild();
      TokenFlow.Outcome o = flow(AuthorizationToken.Origin.valueOf(c[0])).authenticate(
          config(Configuration.DOMAIN, "corp"), Collections.<ProxySettings>emptyList(), Collections::emptyList, fresh);
      assertEquals(TokenFlow.Outcome.Status.DONE, o.status());
      assertEquals(1, lines.size(), lines.toString());
      assertTrue(lines.get(0).startsWith(prefix) && lines.get(0).endsWith(" (in 12 h 0 min)" + c[1]), lines.get(0));
    }
  }

  @Test
  void aSecondEntryPointOfTheBuildReusesWhatTheFirstApplied() {
    authenticate(flow(AuthorizationToken.Origin.AWS), config(Configuration.DOMAIN, "corp"));
    TokenFlow.Outcome again = authenticate(flow(AuthorizationToken.Origin.AWS), config(Configuration.DOMAIN, "corp"));
    assertEquals(1, fetches.get());
    assertTrue(again.applied().isEmpty());
    assertEquals(1, lines.size(), lines.toString());
  }

  @Test
  void outcomesSaySkippedNothingFoundOfflineAndFailed() {
    TokenFlow flow = flow(AuthorizationToken.Origin.AWS);
    assertEquals(TokenFlow.Outcome.Status.SKIPPED,
        authenticate(flow, config(Configuration.SKIP, "true", Configuration.DURATION, "bad")).status());
    assertEquals(TokenFlow.Outcome.Status.NOTHING_FOUND,
        flow.authenticate(Configuration.of(Collections.<String, String>emptyMap()),
            Collections.<ProxySettings>emptyList(), Collections::emptyList, build).status());
    build.offline = true;
    assertEquals(TokenFlow.Outcome.Status.OFFLINE, authenticate(flow, config(Configuration.DOMAIN, "corp")).status());
    assertEquals(TokenFlow.Outcome.Status.OFFLINE, authenticate(flow, config(Configuration.DOMAIN, "corp")).status());
    assertEquals(Collections.singletonList("WARN " + TokenFlow.OFFLINE), lines, "once per build");
    build.offline = false;
    TokenFlow.Outcome invalid = authenticate(flow, config(Configuration.DOMAIN, "corp", Configuration.DURATION, "60"));
    assertEquals(TokenFlow.Outcome.Status.FAILED, invalid.status());
    assertTrue(invalid.failure() instanceof InvalidParameterException);
    TokenFlow.Outcome denied = authenticate(flow, config(Configuration.DOMAIN, "denied"));
    assertEquals(TokenFlow.Outcome.Status.FAILED, denied.status());
    assertEquals("Access denied for domain denied (owner caller's account, region us-west-2)", denied.failure().getMessage());
    assertEquals(CodeArtifactException.Kind.ACCESS_DENIED, denied.failure().kind());
    assertEquals(CodeArtifactException.Kind.INVALID_PARAMETER, invalid.failure().kind());
    assertEquals(0, fetches.get() - 1, "only the denied request reached the source");
  }

  @Test
  void toleratedFailureWarnsOncePerBuildAndIsNotAskedAgain() {
    TokenFlow flow = flow(AuthorizationToken.Origin.AWS);
    for (int i = 0; i < 3; i++) {
      TokenFlow.Outcome o = authenticate(flow, config(Configuration.DOMAIN, "denied", Configuration.FAIL_ON_ERROR, "false"));
      assertEquals(TokenFlow.Outcome.Status.DONE, o.status());
    }
    assertEquals(1, fetches.get());
    assertEquals(Collections.singletonList("WARN Access denied for domain denied (owner caller's account, region"
        + " us-west-2) (codeartifact.failOnError=false: going on without a token for codeartifact)"), lines);
  }

  @Test
  void anUnresolvedPropertyIsNamedOnceAndCountsAsUnset() {
    TokenFlow flow = flow(AuthorizationToken.Origin.AWS);
    Configuration config = config(Configuration.DOMAIN, "corp", Configuration.PROFILE, "${env.AWS_PROFILE}");
    authenticate(flow, config);
    authenticate(flow, config);
    assertEquals("WARN codeartifact.profile is '${env.AWS_PROFILE}', a property Maven could not resolve: treated as"
        + " unset", lines.get(0));
    assertEquals(2, lines.size(), lines.toString());
  }

  @Test
  void fetchServesTheHelperGoalsWithTheSameRules() throws Exception {
    TokenFlow flow = flow(AuthorizationToken.Origin.DISK_CACHE);
    Parameters p = Parameters.parse(config(Configuration.DOMAIN, "corp"), Collections.<ProxySettings>emptyList());
    TokenRequest request = p.template().build();
    TokenFlow.Outcome o = flow.fetch(p, x -> Collections.singletonMap(request, Collections.<String>emptySet()), false);
    assertEquals("SECRET-1", o.tokens().get(request).secret());
    assertEquals(TokenFlow.Outcome.Status.OFFLINE,
        flow.fetch(p, x -> Collections.singletonMap(request, Collections.<String>emptySet()), true).status());
    Parameters tolerant = Parameters.parse(config(Configuration.DOMAIN, "denied", Configuration.FAIL_ON_ERROR, "false"),
        Collections.<ProxySettings>emptyList());
    TokenRequest denied = tolerant.template().build();
    TokenFlow.Outcome t = flow.fetch(tolerant, x -> Collections.singletonMap(denied, Collections.<String>emptySet()), false);
    assertNull(t.tokens().get(denied));
    assertTrue(t.tolerated().containsKey(denied));
    assertTrue(lines.isEmpty(), "the helper goals word their own line");
  }
}
