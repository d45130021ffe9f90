package dev.codeartifact.core.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.codeartifact.core.flow.RecordingLog;
import dev.codeartifact.core.flow.TokenRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collections;

/**
 * {@link DiskTokenCacheTest#readOnlyChecks} in a JVM of its own, started by that test as root without the
 * capabilities that bypass file permissions. Exits 0 and prints "READ-ONLY CHECKS PASSED" when they pass; an
 * assertion failure ends it with a stack trace and exit 1. Never prints the token.
 *
 * <p>Arguments: cacheDir homeDir (the key is the test's: acme, 123456789012, us-east-1)
 */
public final class ReadOnlyCacheChildMain {
  private ReadOnlyCacheChildMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Paths.get(args[0]);
    Path home = Paths.get(args[1]);
    assertFalse(Files.isWritable(dir), "the cache folder is writable: permissions are still not enforced");
    RecordingLog log = new RecordingLog();
    DiskTokenCache cache = new DiskTokenCache(dir, Clock.fixed(DiskTokenCacheTest.T0, ZoneOffset.UTC), log.buildLog());
    CacheKey key = CacheKey.of(TokenRequest.builder().domain("acme").domainOwner("123456789012")
        .region("us-east-1").build(), Collections.<String, String>emptyMap(), home);
    DiskTokenCacheTest.readOnlyChecks(cache, log, key);
    System.out.println("READ-ONLY CHECKS PASSED");
  }
}
