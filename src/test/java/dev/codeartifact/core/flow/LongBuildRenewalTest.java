package dev.codeartifact.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.cache.MutableClock;
import dev.codeartifact.core.network.ProxySettings;
import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.core.token.TokenSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A long reactor build runs the goal in every module; each run goes through {@link TokenFlow}, which reuses
 * what the build applied while the one margin rule allows. With the stand-in's {@code ttl600-} domain a token lives 10 minutes, so its margin is the 5-minute floor: modules
 * built in the first 5 minutes share it, the first module after that gets a new one, which the following
 * modules share again.
 */
class LongBuildRenewalTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void aGoalInEachModuleRenewsTheTokenOnceItsMarginIsGone() throws Exception {
    MutableClock clock = new MutableClock(T0);
    List<AuthorizationToken> issued = new ArrayList<>();
    TokenSource ttl600 = r -> {
      AuthorizationToken t = new AuthorizationToken("token-" + issued.size(), clock.instant().plusSeconds(600));
      issued.add(t);
      return t;
    };
    TokenFlow flow = new TokenFlow(RecordingLog.SILENT, (p, log) -> ttl600, clock);
    FakeBuild build = new FakeBuild();
    java.util.Map<String, String> values = new java.util.HashMap<>();
    values.put(Configuration.DOMAIN, "ttl600-long-build");
    values.put(Configuration.REGION, "us-west-2");
    values.put(Configuration.SERVER_IDS, "codeartifact");
    Configuration config = Configuration.of(values);

    // Twelve modules, one every 80 s: a 16-minute build.
    List<AuthorizationToken> perModule = new ArrayList<>();
    for (int module = 0; module < 12; module++) {
      clock.set(T0.plusSeconds(80L * module));
      assertEquals(TokenFlow.Outcome.Status.DONE, flow.authenticate(config,
          java.util.Collections.<ProxySettings>emptyList(), java.util.Collections::emptyList, build).status());
      AuthorizationToken t = build.tokens.get("codeartifact");
      perModule.add(t);
      // Whatever a module gets keeps at least the 5-minute floor of life.
      assertTrue(!clock.instant().plus(Duration.ofMinutes(5)).isAfter(t.expiration()), "module " + module);
    }
    // A 600 s token is reused while at least 300 s are left.
    assertSame(perModule.get(0), perModule.get(3)); // 240 s: 360 s left
    assertNotEquals(perModule.get(3), perModule.get(4)); // 320 s: 280 s left < 5 min -> renewed
    assertSame(perModule.get(4), perModule.get(7)); // fetched at 320 s, still 360 s left at 560 s
    assertNotEquals(perModule.get(7), perModule.get(8)); // 640 s: 280 s left -> renewed
    assertEquals(3, issued.size());
  }
}
