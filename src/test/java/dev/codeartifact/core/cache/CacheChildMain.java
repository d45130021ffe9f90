package dev.codeartifact.core.cache;

import dev.codeartifact.core.AuthorizationToken;
import dev.codeartifact.core.TokenRequest;
import dev.codeartifact.core.TokenSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;

/**
 * A "build" in its own JVM for {@link MultiProcessCacheTest}: waits until a common start instant, then
 * fetches through a {@link CachingTokenSource} on a shared folder whose delegate appends a line to a
 * counter file and sleeps 500 ms. Prints "TOKEN &lt;secret&gt;" (a fake token) on success.
 *
 * <p>Arguments: cacheDir counterFile homeDir startAtEpochMillis
 */
public final class CacheChildMain {
  private CacheChildMain() {}

  public static void main(String[] args) throws Exception {
    Path cacheDir = Paths.get(args[0]);
    final Path counter = Paths.get(args[1]);
    Path home = Paths.get(args[2]);
    long startAt = Long.parseLong(args[3]);
    final String id = args.length > 4 ? args[4] : "child";

    TokenRequest request = TokenRequest.builder().domain("acme").domainOwner("123456789012").region("us-east-1")
        .build();
    final Clock clock = Clock.systemUTC();
    TokenSource aws = r -> {
      try {
        Files.write(counter, (id + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
        Thread.sleep(500);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return new AuthorizationToken("fake-token-from-" + id, clock.instant().plus(Duration.ofHours(12)));
    };
    CachingTokenSource source = CachingTokenSource.create(new DiskTokenCache(cacheDir, clock, new RecordingLog()),
        Collections.<String, String>emptyMap(), home, () -> aws);

    long wait = startAt - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
    AuthorizationToken token = source.fetch(request);
    System.out.println("TOKEN " + token.secret());
  }
}
