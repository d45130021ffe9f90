package dev.codeartifact.core.cache;

import dev.codeartifact.core.flow.RecordingLog;
import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.core.token.TokenSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;

/**
 * A "build" in its own JVM for {@link MultiProcessCacheTest}: waits until a common start instant, writes the
 * marker file {@code entered-ID} (the time it calls {@code fetch}), then fetches through a
 * {@link CachingTokenSource} on a shared folder whose delegate appends a line to a counter file and then
 * holds the fetch (and with it the cache lock) until the release file exists. Prints "TOKEN &lt;secret&gt;"
 * (a fake token) and "DONE &lt;epoch millis when fetch returned&gt;" on success.
 *
 * <p>Arguments: cacheDir counterFile homeDir startAtEpochMillis id markerDir releaseFile
 */
public final class CacheChildMain {
  /** Longer than any wait of the test, so no child gives up on the lock and fetches anyway. */
  static final Duration LOCK_TIMEOUT = Duration.ofSeconds(120);

  private CacheChildMain() {}

  public static void main(String[] args) throws Exception {
    Path cacheDir = Paths.get(args[0]);
    final Path counter = Paths.get(args[1]);
    final Path home = Paths.get(args[2]);
    long startAt = Long.parseLong(args[3]);
    final String id = args[4];
    Path markers = Paths.get(args[5]);
    final Path release = Paths.get(args[6]);

    TokenRequest request = TokenRequest.builder().domain("acme").domainOwner("123456789012").region("us-east-1")
        .build();
    final Clock clock = Clock.systemUTC();
    TokenSource aws = r -> {
      try {
        Files.write(counter, (id + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
        long giveUp = System.currentTimeMillis() + LOCK_TIMEOUT.toMillis();
        while (!Files.exists(release)) {
          if (System.currentTimeMillis() > giveUp) {
            throw new IllegalStateException("never released");
          }
          Thread.sleep(20);
        }
      } catch (InterruptedException | java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      return new AuthorizationToken("fake-token-from-" + id, clock.instant().plus(Duration.ofHours(12)));
    };
    CachingTokenSource source = new CachingTokenSource(new DiskTokenCache(cacheDir, clock, new RecordingLog().buildLog()),
        r -> CacheKey.of(r, Collections.<String, String>emptyMap(), home), () -> aws, LOCK_TIMEOUT);

    long wait = startAt - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
    Path entered = markers.resolve("entered-" + id);
    Files.write(markers.resolve("entered-" + id + ".tmp"),
        Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
    Files.move(markers.resolve("entered-" + id + ".tmp"), entered, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    AuthorizationToken token = source.fetch(request);
    long done = System.currentTimeMillis();
    System.out.println("TOKEN " + token.secret());
    System.out.println("DONE " + done);
  }
}
