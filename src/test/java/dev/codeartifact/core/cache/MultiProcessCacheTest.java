package dev.codeartifact.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several JVMs (builds) on an empty shared cache make exactly one delegate call, and the others really wait
 * for it: the first child's fetch is held (with the cache lock) until every child has called {@code fetch},
 * so none of them can have found the token by a plain cache hit; each one returns only after the release.
 */
class MultiProcessCacheTest {
  static final int PROCESSES = 8;

  @TempDir Path tmp;

  static String classPath() throws Exception {
    // the two output folders this test needs; also works under surefire's manifest-only jar
    Set<String> entries = new java.util.LinkedHashSet<String>();
    entries.add(Paths.get(CacheChildMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    entries.add(Paths.get(DiskTokenCache.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    entries.add(System.getProperty("java.class.path"));
    return String.join(File.pathSeparator, entries);
  }

  @Test
  void processesStartedAtOnceMakeOneCall() throws Exception {
    Path cacheDir = tmp.resolve("cache");
    Path counter = tmp.resolve("calls.txt");
    Path home = tmp.resolve("home");
    Path markers = tmp.resolve("markers");
    Path release = tmp.resolve("release");
    Files.createDirectories(home);
    Files.createDirectories(markers);
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String cp = classPath();
    // give every JVM time to start, then all fetch at the same instant
    long startAt = System.currentTimeMillis() + 3000;

    List<Process> processes = new ArrayList<Process>();
    List<Path> outputs = new ArrayList<Path>();
    long releasedAt;
    try {
      for (int i = 0; i < PROCESSES; i++) {
        Path out = tmp.resolve("out-" + i + ".txt");
        outputs.add(out);
        ProcessBuilder pb = new ProcessBuilder(Arrays.asList(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
            "-cp", cp, CacheChildMain.class.getName(), cacheDir.toString(), counter.toString(), home.toString(),
            Long.toString(startAt), "p" + i, markers.toString(), release.toString()));
        pb.redirectErrorStream(true);
        pb.redirectOutput(out.toFile());
        processes.add(pb.start());
      }

      // Wait until one child is in the delegate and every child has called fetch.
      long giveUp = System.currentTimeMillis() + 90_000;
      while (lines(counter).isEmpty() || entered(markers) < PROCESSES) {
        for (int i = 0; i < PROCESSES; i++) {
          if (!processes.get(i).isAlive()) {
            fail("child " + i + " ended before the release (exit " + processes.get(i).exitValue() + "):\n"
                + read(outputs.get(i)));
          }
        }
        if (System.currentTimeMillis() > giveUp) {
          fail("after 90 s: delegate calls " + lines(counter) + ", children in fetch " + entered(markers));
        }
        Thread.sleep(20);
      }
      // Leave the waiting children time to do anything wrong (fetch too, give up, return).
      Thread.sleep(1000);
      assertEquals(1, lines(counter).size(), "delegate calls while one fetch was in progress: " + lines(counter));
      for (int i = 0; i < PROCESSES; i++) {
        assertTrue(processes.get(i).isAlive(), "child " + i + " did not wait for the fetch in progress:\n"
            + read(outputs.get(i)));
      }
      assertTrue(lockHeld(cacheDir), "no child holds the cache lock while its fetch is held");

      releasedAt = System.currentTimeMillis();
      Files.createFile(release);
      for (int i = 0; i < PROCESSES; i++) {
        Process p = processes.get(i);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child " + i + " timed out");
        assertEquals(0, p.exitValue(), "child " + i + " failed:\n" + read(outputs.get(i)));
      }
    } finally {
      for (Process p : processes) {
        p.destroyForcibly();
      }
    }

    List<String> calls = Files.readAllLines(counter, StandardCharsets.UTF_8);
    assertEquals(1, calls.size(), "delegate calls: " + calls);
    Set<String> tokens = new HashSet<String>();
    for (int i = 0; i < PROCESSES; i++) {
      long entered = Long.parseLong(read(markers.resolve("entered-p" + i)).trim());
      assertTrue(entered < releasedAt, "child " + i + " called fetch after the release");
      long done = -1;
      for (String line : Files.readAllLines(outputs.get(i), StandardCharsets.UTF_8)) {
        if (line.startsWith("TOKEN ")) {
          tokens.add(line.substring(6));
        } else if (line.startsWith("DONE ")) {
          done = Long.parseLong(line.substring(5));
        }
      }
      assertTrue(done >= releasedAt, "child " + i + " had its token before the one fetch was released");
    }
    assertEquals(1, tokens.size(), "every build got the same token: " + tokens);
    assertEquals("fake-token-from-" + calls.get(0), tokens.iterator().next());
  }

  private static List<String> lines(Path p) throws IOException {
    return Files.exists(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : new ArrayList<String>();
  }

  private static long entered(Path markers) throws IOException {
    try (Stream<Path> s = Files.list(markers)) {
      return s.filter(f -> !f.getFileName().toString().endsWith(".tmp")).count();
    }
  }

  /** Whether some cache lock file is held by another process (this JVM cannot take it). */
  private static boolean lockHeld(Path cacheDir) throws IOException {
    List<Path> locks;
    try (Stream<Path> s = Files.list(cacheDir)) {
      locks = s.filter(f -> f.getFileName().toString().endsWith(DiskTokenCache.LOCK_SUFFIX))
          .collect(Collectors.toList());
    }
    assertFalse(locks.isEmpty(), "no lock file in the cache folder");
    for (Path lock : locks) {
      try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE)) {
        FileLock l = ch.tryLock();
        if (l == null) {
          return true;
        }
        l.release();
      }
    }
    return false;
  }

  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
  }
}
