package dev.codeartifact.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.Configuration;
import dev.codeartifact.core.flow.InvalidParameterException;
import dev.codeartifact.core.flow.Parameters;
import dev.codeartifact.core.flow.RecordingLog;
import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.network.ProxySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain every entry point uses: the opted-in environment token needs no AWS call and no SDK. */
class TokenSourcesTest {
  private final RecordingLog recorded = RecordingLog.withoutDebug();
  private final BuildLog log = recorded.buildLog();

  private static Parameters config(String... pairs) throws InvalidParameterException {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return Parameters.parse(Configuration.of(m), java.util.Collections.<ProxySettings>emptyList());
  }

  @Test
  void environmentTokenIsUsedWhenOptedIn(@TempDir Path home) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put(TokenSources.ENV_TOKEN, "  token-from-ci-step  ");
    TokenSource source = TokenSources.forBuild(config(Configuration.TOKEN_FROM_ENVIRONMENT, "true"), env, home, log);
    AuthorizationToken token = source.fetch(TokenRequest.builder().domain("my-domain").build());
    assertEquals("token-from-ci-step", token.secret());
    assertEquals(AuthorizationToken.Origin.ENVIRONMENT, token.origin());
    assertTrue(token.expiration().isAfter(Instant.now()));
    assertTrue(recorded.warns().isEmpty());
    // Nothing was written to the cache: the token did not come from AWS.
    assertFalse(Files.exists(home.resolve(".m2/codeartifact-cache")));
  }

  @Test
  void withoutOptInTheCacheFrontsTheAwsCall(@TempDir Path home) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put(TokenSources.ENV_TOKEN, "token-from-ci-step");
    TokenSource source = TokenSources.forBuild(config(), env, home, log);
    assertTrue(source instanceof dev.codeartifact.core.cache.CachingTokenSource, source.getClass().getName());
  }

  @Test
  void optInWithoutVariableWarnsOnce(@TempDir Path home) throws Exception {
    TokenSources.forBuild(config(Configuration.TOKEN_FROM_ENVIRONMENT, "true", Configuration.CACHE, "false"), new HashMap<String, String>(),
        home, log);
    assertEquals(1, recorded.warns().size());
    assertTrue(recorded.warns().get(0).contains("CODEARTIFACT_AUTH_TOKEN is not set"), recorded.warns().get(0));
  }

  @Test
  void badBooleanIsRejectedWithItsName(@TempDir Path home) {
    InvalidParameterException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidParameterException.class,
        () -> TokenSources.forBuild(config(Configuration.TOKEN_FROM_ENVIRONMENT, "yes"),
            new HashMap<String, String>(), home, log));
    assertEquals("codeartifact.tokenFromEnvironment", e.parameter());
  }
}
