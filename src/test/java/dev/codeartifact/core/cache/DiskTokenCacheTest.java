package dev.codeartifact.core.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codeartifact.core.flow.RecordingLog;
import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.core.util.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskTokenCacheTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final String SECRET = "eyJ2ZXIiOjEsImlzdSI6MTcwMDAwMDAwMH0.c2VjcmV0LXRva2Vu";

  @TempDir Path tmp;
  Path dir;
  MutableClock clock;
  RecordingLog log;
  DiskTokenCache cache;
  CacheKey key;

  @BeforeEach
  void setUp() throws Exception {
    dir = tmp.resolve("home/.m2/codeartifact-cache");
    clock = new MutableClock(T0);
    log = new RecordingLog();
    cache = new DiskTokenCache(dir, clock, log.buildLog());
    key = CacheKey.of(TokenRequest.builder().domain("acme").domainOwner("123456789012").region("us-east-1").build(),
        Collections.<String, String>emptyMap(), tmp.resolve("home"));
  }

  static AuthorizationToken token(String secret, Instant expiration) {
    return new AuthorizationToken(secret, expiration);
  }

  private List<String> listDir() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private String fileText() throws IOException {
    return new String(Files.readAllBytes(cache.fileFor(key)), StandardCharsets.UTF_8);
  }

  @Test
  void forgetDeletesOnlyTheEntryHoldingTheRejectedToken() throws Exception {
    CacheKey other = CacheKey.of(TokenRequest.builder().domain("other").region("us-east-1").build(),
        Collections.<String, String>emptyMap(), tmp.resolve("home"));
    assertTrue(cache.store(key, token(SECRET, T0.plus(Duration.ofHours(12)))));
    assertTrue(cache.store(other, token(SECRET + "x", T0.plus(Duration.ofHours(12)))));
    // A prefix of the token is not the token.
    assertNull(cache.forget(SECRET.substring(0, 20)));
    assertNull(cache.forget("not-cached"));

    CachedToken forgotten = cache.forget(SECRET);

    assertNotNull(forgotten);
    assertEquals(T0, forgotten.fetchedAt());
    assertNull(cache.read(key));
    assertNotNull(cache.read(other), "another entry stays");
    assertNull(cache.forget(SECRET), "nothing left to forget");
    assertFalse(log.all().contains(SECRET.substring(0, 20)), "the token never reaches the log");
  }

  @Test
  void forgetInAMissingFolderIsANoOp() {
    assertNull(new DiskTokenCache(tmp.resolve("nowhere"), clock, log.buildLog()).forget(SECRET));
  }

  @Test
  void defaultDirectory() {
    Path home = Paths.get("/home/u");
    assertEquals(home.resolve(".m2/codeartifact-cache"),
        DiskTokenCache.defaultDirectory(Collections.<String, String>emptyMap(), home));
    Map<String, String> env = new HashMap<String, String>();
    env.put("CODEARTIFACT_CACHE_DIR", "~/elsewhere");
    assertEquals(home.resolve("elsewhere"), DiskTokenCache.defaultDirectory(env, home));
    env.put("CODEARTIFACT_CACHE_DIR", " ");
    assertEquals(home.resolve(".m2/codeartifact-cache"), DiskTokenCache.defaultDirectory(env, home));
  }

  /** The token cached for {@code key} if still usable now: what CachingTokenSource asks of the cache. */
  private static AuthorizationToken usable(DiskTokenCache c, CacheKey k) {
    CachedToken entry = c.read(k);
    return entry != null && entry.isUsableAt(c.clock().instant()) ? entry.token() : null;
  }

  @Test
  void storeAndLoadRoundTrip() throws Exception {
    AuthorizationToken t = token(SECRET, T0.plus(Duration.ofHours(12)));
    assertNull(usable(cache, key));
    assertTrue(cache.store(key, t));
    assertEquals(t, usable(cache, key));
    CachedToken entry = cache.read(key);
    assertEquals(T0, entry.fetchedAt());
    assertEquals(Duration.ofHours(1), entry.margin());

    // another instance (another build) reads the same file
    assertEquals(t, usable(new DiskTokenCache(dir, clock, RecordingLog.SILENT), key));

    // file name: the key hash only; content: the key hash, never the clear key
    assertEquals(Collections.singletonList(key.hash()), listDir());
    String text = fileText();
    assertTrue(text.contains("version=1\n"), text);
    assertTrue(text.contains("key=" + key.hash() + "\n"));
    assertTrue(text.contains("fetchedAt=2026-01-01T00:00:00Z\n"));
    assertTrue(text.contains("expiration=2026-01-01T12:00:00Z\n"));
    assertTrue(text.contains("token=" + SECRET + "\n"));
    assertFalse(text.contains("acme"));
    assertFalse(text.contains("123456789012"));
    assertFalse(log.all().contains(SECRET), "no token in any log line");
    assertFalse(cache.toString().contains(SECRET));
  }

  @Test
  void marginAndExpiryWithMovingClock() throws Exception {
    cache.store(key, token(SECRET, T0.plus(Duration.ofHours(12))));
    clock.advance(Duration.ofHours(10));
    assertNotNull(usable(cache, key));
    clock.advance(Duration.ofMinutes(59)); // 61 min left
    assertNotNull(usable(cache, key));
    clock.advance(Duration.ofMinutes(2)); // 59 min left: within the 1 h margin
    assertNull(usable(cache, key));
    assertNotNull(cache.read(key), "not expired yet, only within margin");
    clock.advance(Duration.ofHours(1)); // expired
    assertNull(cache.read(key));
    assertTrue(log.all().contains("expired"), log.all());

    // replaced by the next store
    cache.store(key, token("fresh", clock.instant().plus(Duration.ofHours(12))));
    assertEquals("fresh", usable(cache, key).secret());
  }

  @Test
  void permissionsFromCreation() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "the file system of the temporary folder has no POSIX permissions");
    cache.store(key, token(SECRET, T0.plus(Duration.ofHours(12))));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.getParent())));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.fileFor(key))));
    // replaced file keeps 0600
    cache.store(key, token("second", T0.plus(Duration.ofHours(12))));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.fileFor(key))));
    // lock file too
    try (DiskTokenCache.FileLockHandle h = cache.lockExclusive(key, Duration.ofSeconds(1))) {
      assertNotNull(h);
      assertEquals("rw-------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.lockFileFor(key))));
    }
  }

  @Test
  void atomicWriteLeavesNoTemporaryFiles() throws Exception {
    for (int i = 0; i < 20; i++) {
      cache.store(key, token(SECRET + i, T0.plus(Duration.ofHours(12))));
    }
    assertEquals(Collections.singletonList(key.hash()), listDir());
    assertEquals(SECRET + 19, usable(cache, key).secret());
  }

  private void assertIgnoredAndReplaced(byte[] content) throws Exception {
    Files.createDirectories(dir);
    Files.write(cache.fileFor(key), content);
    log.lines.clear();
    assertNull(usable(cache, key));
    assertNull(cache.read(key));
    assertEquals(0, log.warns().size(), log.all());
    assertFalse(log.debugs().isEmpty());
    assertTrue(cache.store(key, token(SECRET, T0.plus(Duration.ofHours(12)))));
    assertEquals(SECRET, usable(cache, key).secret());
  }

  private String valid(String secret) {
    return "version=1\nkey=" + key.hash() + "\nfetchedAt=2026-01-01T00:00:00Z\nexpiration=2026-01-01T12:00:00Z\n"
        + "token=" + secret + "\n";
  }

  @Test
  void badFilesAreIgnoredAndReplaced() throws Exception {
    String good = valid("old-token");
    List<byte[]> bad = new ArrayList<byte[]>();
    bad.add(new byte[0]); // empty
    bad.add(good.substring(0, good.length() - 8).getBytes(StandardCharsets.UTF_8)); // truncated mid-token
    bad.add(good.substring(0, good.indexOf("token=")).getBytes(StandardCharsets.UTF_8)); // truncated: no token
    bad.add(good.replace("version=1", "version=2").getBytes(StandardCharsets.UTF_8)); // unknown version
    bad.add(good.replace("version=1\n", "").getBytes(StandardCharsets.UTF_8)); // no version
    bad.add(good.replace(key.hash(), Digests.sha256Hex("another key")).getBytes(StandardCharsets.UTF_8)); // foreign
    bad.add(good.replace("expiration=2026-01-01T12:00:00Z", "expiration=2025-12-31T23:00:00Z")
        .getBytes(StandardCharsets.UTF_8)); // expired
    bad.add(good.replace("expiration=2026-01-01T12:00:00Z", "expiration=tomorrow").getBytes(StandardCharsets.UTF_8));
    bad.add((good + "token=dup\n").getBytes(StandardCharsets.UTF_8)); // duplicate
    bad.add((good + "extra=1\n").getBytes(StandardCharsets.UTF_8)); // unknown field
    bad.add(good.replace("token=old-token", "token=").getBytes(StandardCharsets.UTF_8)); // empty token
    bad.add("{\"version\":1}\n".getBytes(StandardCharsets.UTF_8)); // some other format
    byte[] garbage = new byte[4096];
    new Random(42).nextBytes(garbage);
    bad.add(garbage); // binary
    byte[] huge = new byte[DiskTokenCache.MAX_FILE_BYTES + 10];
    java.util.Arrays.fill(huge, (byte) 'a');
    bad.add(huge); // too large
    for (byte[] content : bad) {
      assertIgnoredAndReplaced(content);
      assertFalse(log.all().contains("old-token"), "a bad file's content is never logged");
    }
    // and the well-formed one is accepted
    Files.write(cache.fileFor(key), good.getBytes(StandardCharsets.UTF_8));
    assertEquals("old-token", usable(cache, key).secret());
  }

  @Test
  void directoryInPlaceOfFileIsIgnored() throws Exception {
    Files.createDirectories(cache.fileFor(key));
    assertNull(usable(cache, key));
    assertFalse(cache.store(key, token(SECRET, T0.plus(Duration.ofHours(1))))); // cannot replace: one WARN
    assertEquals(1, log.warns().size());
  }

  @Test
  void unusableDirectoryDegradesWithOneWarning() throws Exception {
    // a regular file where the folder should be: fails even for root, unlike chmod
    Files.createDirectories(tmp.resolve("home/.m2"));
    Files.write(dir, "not a folder".getBytes(StandardCharsets.UTF_8));
    assertNull(usable(cache, key));
    assertFalse(cache.store(key, token(SECRET, T0.plus(Duration.ofHours(1)))));
    assertFalse(cache.store(key, token(SECRET, T0.plus(Duration.ofHours(1)))));
    assertNull(cache.forget(SECRET));
    assertEquals(0, cache.purge());
    assertEquals(1, log.warns().size(), log.all());
    assertFalse(log.all().contains(SECRET));
  }

  /**
   * A folder the user cannot write (r-x): the cached token is still used, a new one is not stored, one WARN.
   * Root (how CI runs) writes anyway: then the check runs in a child JVM of root without the capabilities
   * that bypass file permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH dropped with {@code setpriv}), for
   * which the r-x folder is as read-only as for any owner.
   */
  @Test
  void readOnlyDirectory() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "the file system of the temporary folder has no POSIX permissions");
    cache.store(key, token(SECRET, T0.plus(Duration.ofHours(12))));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
    try {
      if (Files.isWritable(dir)) {
        readOnlyChecksInChildWithoutDacOverride();
      } else {
        readOnlyChecks(cache, log, key);
      }
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  /** What a build sees in a read-only cache folder holding {@link #SECRET} for {@code key}. */
  static void readOnlyChecks(DiskTokenCache cache, RecordingLog log, CacheKey key) {
    assertEquals(SECRET, usable(cache, key).secret(), "still readable");
    assertFalse(cache.store(key, token("new", T0.plus(Duration.ofHours(12)))));
    assertEquals(1, log.warns().size());
  }

  private void readOnlyChecksInChildWithoutDacOverride() throws Exception {
    String drop = "-dac_override,-dac_read_search";
    String setpriv = null;
    for (String candidate : new String[] {"/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv"}) {
      if (Files.isExecutable(Paths.get(candidate))) {
        setpriv = candidate;
      }
    }
    assumeTrue(setpriv != null, "permissions are not enforced for this user (root) and there is no setpriv"
        + " (util-linux) to run the check without CAP_DAC_OVERRIDE");
    Process probe = new ProcessBuilder(setpriv, "--bounding-set=" + drop, "true").redirectErrorStream(true)
        .start();
    String probeOut = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0, "permissions are not enforced for"
        + " this user (root) and setpriv cannot drop CAP_DAC_OVERRIDE here (no CAP_SETPCAP?): " + probeOut);

    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Path out = tmp.resolve("read-only-child.txt");
    Process child = new ProcessBuilder(setpriv, "--bounding-set=" + drop, java, "-Xshare:auto",
        "-XX:TieredStopAtLevel=1", "-cp", MultiProcessCacheTest.classPath(), ReadOnlyCacheChildMain.class.getName(),
        dir.toString(), tmp.resolve("home").toString())
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM timed out");
    } finally {
      child.destroyForcibly();
    }
    String output = new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
    assertFalse(output.contains(SECRET), "the child printed the token");
    assertEquals(0, child.exitValue(), "read-only checks without CAP_DAC_OVERRIDE failed:\n" + output);
    assertTrue(output.contains("READ-ONLY CHECKS PASSED"), output);
  }

  @Test
  void forgetAndPurge() throws Exception {
    CacheKey other = CacheKey.of(TokenRequest.builder().domain("other").build(),
        Collections.<String, String>emptyMap(), tmp.resolve("home"));
    cache.store(key, token(SECRET, T0.plus(Duration.ofHours(12))));
    cache.store(other, token(SECRET + "-other", T0.plus(Duration.ofHours(12))));
    try (DiskTokenCache.FileLockHandle h = cache.lockExclusive(key, Duration.ofSeconds(1))) {
      assertNotNull(h);
    }
    Files.write(dir.resolve("." + key.hash() + ".abc.tmp"), new byte[] {1});
    Files.write(dir.resolve("README.txt"), new byte[] {1});

    assertEquals(SECRET, cache.forget(SECRET).token().secret());
    assertNull(cache.forget(SECRET));
    assertNull(usable(cache, key));
    assertNotNull(usable(cache, other));

    cache.store(key, token(SECRET, T0.plus(Duration.ofHours(12))));
    assertEquals(2, cache.purge());
    assertEquals(Collections.singletonList("README.txt"), listDir(), "only foreign files remain");
    assertEquals(0, cache.purge());
    assertEquals(0, new DiskTokenCache(tmp.resolve("nowhere"), clock, log.buildLog()).purge());
  }

  @Test
  void purgeKeepsHeldLocks() throws Exception {
    cache.store(key, token(SECRET, T0.plus(Duration.ofHours(12))));
    try (DiskTokenCache.FileLockHandle h = cache.lockExclusive(key, Duration.ofSeconds(1))) {
      assertNotNull(h);
      assertEquals(1, cache.purge());
      assertTrue(Files.exists(cache.lockFileFor(key)));
    }
  }

  @Test
  void lockTimesOutWhenHeld() throws Exception {
    try (DiskTokenCache.FileLockHandle h = cache.lockExclusive(key, Duration.ofSeconds(1))) {
      assertNotNull(h);
      long start = System.nanoTime();
      // same JVM: the file lock table reports the overlap, which counts as "held elsewhere"
      assertNull(cache.lockExclusive(key, Duration.ofMillis(300)));
      assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos());
    }
    try (DiskTokenCache.FileLockHandle h = cache.lockExclusive(key, Duration.ZERO)) {
      assertNotNull(h, "released");
    }
  }

  @Test
  void tokensWithLineBreaksAreNotCached() throws Exception {
    assertFalse(cache.store(key, token("bad\ntoken=x", T0.plus(Duration.ofHours(1)))));
    assertNull(usable(cache, key));
  }

  @Test
  void parseIsStrictAboutTheKeyHash() {
    byte[] bytes = valid("t").getBytes(StandardCharsets.UTF_8);
    assertEquals("t", DiskTokenCache.parse(bytes, key).token().secret());
    assertArrayEquals(bytes, valid("t").getBytes(StandardCharsets.UTF_8));
  }
}
