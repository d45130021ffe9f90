package dev.codeartifact.core.cache;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.core.token.ExpiryMargin;
import dev.codeartifact.core.util.BoundedReads;
import dev.codeartifact.core.util.IsoInstants;
import dev.codeartifact.core.util.SecureFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Cross-build disk cache of CodeArtifact tokens, one file per {@link CacheKey}.
 *
 * <h2>Layout</h2>
 *
 * <ul>
 *   <li>The folder ({@link #defaultDirectory}: {@code ~/.m2/codeartifact-cache}) is created 0700 and every
 *       file 0600, with those permissions from creation (never chmod-ed afterwards), on POSIX file systems.
 *   <li>{@code <sha256 hex of the key>}: the token file, replaced atomically (0600 temp file in the same
 *       folder, then rename), so a reader never sees half a file.
 *   <li>{@code <sha256 hex of the key>.lock}: empty, only used for {@link FileChannel#lock} between
 *       processes.
 * </ul>
 *
 * <h2>Token file format (UTF-8, LF)</h2>
 *
 * <pre>
 * # CodeArtifact token cache of codeartifact-maven-plugin. Owner-only; do not share.
 * version=1
 * key=&lt;64 hex: SHA-256 of the canonical key, same as the file name&gt;
 * fetchedAt=2026-01-01T00:00:00Z
 * expiration=2026-01-01T12:00:00Z
 * token=&lt;the token&gt;
 * </pre>
 *
 * Exactly these five fields (any order, each once; {@code #} lines ignored), at most
 * {@value #MAX_FILE_BYTES} bytes. The clear key never appears. A file that is empty, truncated, not UTF-8,
 * of another version, for another key (a renamed or copied file), malformed, a symlink, or already
 * expired is ignored with one debug line (that never contains the token) and overwritten by the next
 * {@link #store}; it never fails a build.
 *
 * <h2>Failures</h2>
 *
 * Any {@link IOException} (read-only folder, full disk, no permission) makes the cache behave as empty:
 * the first one is logged as a single WARN line, later ones at debug; nothing is thrown.
 */
public final class DiskTokenCache {
  static final String VERSION = "1";
  static final int MAX_FILE_BYTES = 64 * 1024;
  static final String LOCK_SUFFIX = ".lock";
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern LOCK_NAME = Pattern.compile("[0-9a-f]{64}\\.lock");
  private static final Pattern TEMP_NAME = Pattern.compile("\\.[0-9a-f]{64}\\..*\\.tmp");

  /**
   * Threads of this JVM (whatever the class loader of the caller) queue here before the file lock. JVM-wide
   * on purpose: file locks belong to the whole JVM, so builds sharing it (a daemon) must queue in it too; one
   * entry per cache key, never per build.
   */
  private static final ConcurrentHashMap<String, ReentrantLock> JVM_LOCKS =
      new ConcurrentHashMap<String, ReentrantLock>();

  private final Path dir;
  private final Clock clock;
  private final BuildLog log;
  private final AtomicBoolean warned = new AtomicBoolean();

  public DiskTokenCache(Path dir, Clock clock, BuildLog log) {
    this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * The shared default folder: {@code CODEARTIFACT_CACHE_DIR} from {@code env} when set (a path; a
   * leading {@code ~/} is the user home), else {@code <userHome>/.m2/codeartifact-cache}.
   */
  public static Path defaultDirectory(Map<String, String> env, Path userHome) {
    Path home = userHome == null ? Paths.get(System.getProperty("user.home", ".")) : userHome;
    String configured = env == null ? null : env.get("CODEARTIFACT_CACHE_DIR");
    if (configured != null && !configured.trim().isEmpty()) {
      String c = configured.trim();
      if (c.startsWith("~/") || c.startsWith("~\\")) {
        return home.resolve(c.substring(2));
      }
      return Paths.get(c);
    }
    return home.resolve(".m2").resolve("codeartifact-cache");
  }

  public Path directory() {
    return dir;
  }

  Clock clock() {
    return clock;
  }

  BuildLog log() {
    return log;
  }

  /** The token file of {@code key}: its name is the key hash and nothing else. */
  public Path fileFor(CacheKey key) {
    return dir.resolve(key.hash());
  }

  Path lockFileFor(CacheKey key) {
    return dir.resolve(key.hash() + LOCK_SUFFIX);
  }

  /**
   * The well-formed, not yet expired entry for {@code key}, or null when there is none or it cannot be
   * used. The margin is not applied here: the caller asks {@link CachedToken#isUsableAt}.
   */
  public CachedToken read(CacheKey key) {
    Path file = fileFor(key);
    byte[] bytes;
    try {
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        log.debug("No cached CodeArtifact token " + key);
        return null;
      }
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        log.debug("Ignoring cached CodeArtifact token " + key + ": not a regular file");
        return null;
      }
      bytes = readBounded(file);
    } catch (NoSuchFileException e) {
      log.debug("No cached CodeArtifact token " + key);
      return null;
    } catch (IOException | RuntimeException e) {
      failure("read " + file, e);
      return null;
    }
    if (bytes == null) {
      log.debug("Ignoring cached CodeArtifact token " + key + ": file larger than " + MAX_FILE_BYTES + " bytes");
      return null;
    }
    CachedToken entry;
    try {
      entry = parse(bytes, key);
    } catch (IllegalArgumentException e) {
      log.debug("Ignoring cached CodeArtifact token " + key + ": " + e.getMessage()
          + "; it will be replaced");
      return null;
    }
    if (ExpiryMargin.expired(entry.expiration(), clock.instant())) {
      log.debug("Ignoring cached CodeArtifact token " + key + ": expired " + entry.expiration());
      return null;
    }
    return entry;
  }

  /** Caches {@code token} as fetched now. Returns false (having logged why) when it could not be written. */
  public boolean store(CacheKey key, AuthorizationToken token) {
    return store(key, new CachedToken(token, clock.instant()));
  }

  /** Caches {@code entry}. Returns false (having logged why) when it could not be written. */
  public boolean store(CacheKey key, CachedToken entry) {
    String secret = entry.token().secret();
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      if (c < 0x21 || c == 0x7f) {
        log.debug("Not caching CodeArtifact token " + key + ": it contains whitespace or control characters");
        return false;
      }
    }
    String text = "# CodeArtifact token cache of codeartifact-maven-plugin. Owner-only; do not share.\n"
        + "version=" + VERSION + "\n"
        + "key=" + key.hash() + "\n"
        + "fetchedAt=" + entry.fetchedAt() + "\n"
        + "expiration=" + entry.expiration() + "\n"
        + "token=" + secret + "\n";
    Path file = fileFor(key);
    try {
      SecureFiles.writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
      log.debug("Cached CodeArtifact token " + key + " in " + dir + ", expires " + entry.expiration());
      return true;
    } catch (IOException | RuntimeException e) {
      failure("write " + file, e);
      return false;
    }
  }

  /**
   * Deletes the cached entry that holds {@code secret}, a token a repository has just rejected (revoked, or
   * cached under a key that no longer fits the caller), so the next build fetches a new one instead of failing
   * the same way until the token expires. Found by content, not by key: the caller may not know the request
   * (a core extension configured elsewhere). Returns the deleted entry, or null when no entry holds the
   * token (another build may have replaced it already; that one is kept).
   */
  public CachedToken forget(String secret) {
    if (secret == null || secret.isEmpty() || !Files.isDirectory(dir)) {
      return null;
    }
    for (Path f : entries()) {
      String name = f.getFileName().toString();
      if (!HEX64.matcher(name).matches() || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try {
        byte[] bytes = readBounded(f);
        CachedToken entry;
        try {
          entry = bytes == null ? null : parse(bytes, name);
        } catch (IllegalArgumentException e) {
          continue; // never handed to a build (read() ignores such files), so not the rejected one
        }
        if (entry != null && entry.token().secret().equals(secret) && Files.deleteIfExists(f)) {
          log.debug("Removed the rejected CodeArtifact token from the cache (" + name.substring(0, 12) + "...)");
          return entry;
        }
      } catch (IOException | RuntimeException e) {
        failure("read " + f, e);
      }
    }
    return null;
  }

  /** The folder's entries; none when it does not exist, and none (having logged why) when it cannot be listed. */
  private List<Path> entries() {
    List<Path> entries = new ArrayList<Path>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        entries.add(f);
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      return entries;
    } catch (IOException | RuntimeException e) {
      failure("list " + dir, e);
    }
    return entries;
  }

  /**
   * Deletes every token file of this cache, leftover temporary files, and lock files no process holds.
   * Files that are not the cache's own are left alone. Returns the number of token files deleted.
   * A build that races a purge may fetch one extra token; nothing worse.
   */
  public int purge() {
    int tokens = 0;
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    for (Path f : entries()) {
      String name = f.getFileName().toString();
      try {
        if (HEX64.matcher(name).matches()) {
          if (Files.deleteIfExists(f)) {
            tokens++;
          }
        } else if (TEMP_NAME.matcher(name).matches()) {
          Files.deleteIfExists(f);
        } else if (LOCK_NAME.matcher(name).matches()) {
          deleteLockIfFree(f);
        }
      } catch (IOException | RuntimeException e) {
        failure("delete " + f, e);
      }
    }
    log.debug("Purged " + tokens + " cached CodeArtifact token(s) from " + dir);
    return tokens;
  }

  private static void deleteLockIfFree(Path f) throws IOException {
    ReentrantLock inJvm = JVM_LOCKS.get(f.toString());
    if (inJvm != null && inJvm.isLocked()) {
      // a thread of this JVM may hold the file lock; on POSIX, closing any other channel of the file
      // would release that lock, so do not even open it
      return;
    }
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        return; // held by this JVM
      }
      if (lock == null) {
        return; // held by another process
      }
      try {
        Files.deleteIfExists(f);
      } finally {
        lock.release();
      }
    } catch (NoSuchFileException e) {
      // already gone
    }
  }

  // --- locking -----------------------------------------------------------------------------------------

  /** The lock that threads of this JVM take before the inter-process lock on the same key. */
  ReentrantLock jvmLock(CacheKey key) {
    String name = lockFileFor(key).toString();
    ReentrantLock lock = JVM_LOCKS.get(name);
    if (lock == null) {
      ReentrantLock created = new ReentrantLock();
      lock = JVM_LOCKS.putIfAbsent(name, created);
      if (lock == null) {
        lock = created;
      }
    }
    return lock;
  }

  /**
   * Takes the exclusive inter-process lock of {@code key}, polling {@link FileChannel#tryLock()} for up
   * to {@code maxWait}. Returns the held lock (close it to release), or null when another process kept it
   * for the whole wait.
   *
   * @throws IOException when the lock file cannot be created or the file system does not support locks
   */
  FileLockHandle lockExclusive(CacheKey key, Duration maxWait) throws IOException, InterruptedException {
    SecureFiles.createPrivateDirectories(dir);
    Path lockFile = lockFileFor(key);
    FileChannel ch = FileChannel.open(lockFile, EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
        SecureFiles.privateFile(dir));
    boolean ok = false;
    try {
      long deadline = System.nanoTime() + maxWait.toNanos();
      long sleepMillis = 5;
      while (true) {
        FileLock lock;
        try {
          lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null; // another class loader of this JVM holds it: wait like for another process
        } catch (UnsupportedOperationException e) {
          throw new IOException("file locking is not supported in " + dir, e);
        }
        if (lock != null) {
          ok = true;
          return new FileLockHandle(ch, lock);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        Thread.sleep(Math.max(1, Math.min(sleepMillis, TimeUnit.NANOSECONDS.toMillis(left))));
        sleepMillis = Math.min(100, sleepMillis * 2);
      }
    } finally {
      if (!ok) {
        ch.close();
      }
    }
  }

  /** A held inter-process lock; {@link #close()} releases it. */
  static final class FileLockHandle implements Closeable {
    private final FileChannel channel;
    private final FileLock lock;

    FileLockHandle(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    @Override
    public void close() {
      try {
        lock.release();
      } catch (IOException | RuntimeException e) {
        // closing the channel below releases it too
      }
      try {
        channel.close();
      } catch (IOException e) {
        // nothing more to do
      }
    }
  }

  // --- helpers -----------------------------------------------------------------------------------------

  /** Logs the first cache failure of this instance as WARN, the rest at debug. Never throws. */
  void failure(String what, Exception e) {
    String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    if (warned.compareAndSet(false, true)) {
      log.warn("CodeArtifact token cache " + dir + " is not usable (could not " + what + ": " + reason
          + "); continuing without it, so tokens are fetched from AWS");
    } else {
      log.debug("CodeArtifact token cache: could not " + what + ": " + reason);
    }
  }

  /** The file's bytes, or null when it is larger than {@link #MAX_FILE_BYTES}. */
  private static byte[] readBounded(Path file) throws IOException {
    return BoundedReads.readAtMost(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), MAX_FILE_BYTES);
  }

  /**
   * Parses a token file. The messages of the exceptions thrown name what is wrong, never the content.
   *
   * @throws IllegalArgumentException when the file is not a valid entry for {@code key}
   */
  static CachedToken parse(byte[] bytes, CacheKey key) {
    return parse(bytes, key.hash());
  }

  /** As {@link #parse(byte[], CacheKey)}, for the file named {@code keyHash}. */
  static CachedToken parse(byte[] bytes, String keyHash) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException("empty file");
    }
    String text;
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      text = chars.toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not a text file");
    }
    if (!text.endsWith("\n")) {
      throw new IllegalArgumentException("truncated file");
    }
    Map<String, String> fields = new HashMap<String, String>();
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("malformed line");
      }
      String name = line.substring(0, eq);
      if (!name.equals("version") && !name.equals("key") && !name.equals("fetchedAt")
          && !name.equals("expiration") && !name.equals("token")) {
        throw new IllegalArgumentException("unknown field");
      }
      if (fields.put(name, line.substring(eq + 1)) != null) {
        throw new IllegalArgumentException("duplicate field " + name);
      }
    }
    String version = fields.get("version");
    if (version == null) {
      throw new IllegalArgumentException("no version");
    }
    if (!VERSION.equals(version)) {
      throw new IllegalArgumentException("unsupported version");
    }
    if (!keyHash.equals(fields.get("key"))) {
      throw new IllegalArgumentException("written for another key");
    }
    Instant fetchedAt = instant(fields.get("fetchedAt"), "fetchedAt");
    Instant expiration = instant(fields.get("expiration"), "expiration");
    String secret = fields.get("token");
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("no token");
    }
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      if (c < 0x21 || c == 0x7f) {
        throw new IllegalArgumentException("malformed token");
      }
    }
    return new CachedToken(new AuthorizationToken(secret, expiration), fetchedAt);
  }

  private static Instant instant(String value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("no " + name);
    }
    try {
      return IsoInstants.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed " + name);
    }
  }

  @Override
  public String toString() {
    return "DiskTokenCache[" + dir + "]";
  }
}
