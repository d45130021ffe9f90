package dev.codeartifact.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several JVMs (builds) started at once on an empty shared cache make exactly one delegate call. */
class MultiProcessCacheTest {
  static final int PROCESSES = 8;

  @TempDir Path tmp;

  private static String classPath() throws Exception {
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
    Files.createDirectories(home);
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String cp = classPath();
    // give every JVM time to start, then all fetch at the same instant
    long startAt = System.currentTimeMillis() + 3000;

    List<Process> processes = new ArrayList<Process>();
    List<Path> outputs = new ArrayList<Path>();
    try {
      for (int i = 0; i < PROCESSES; i++) {
        Path out = tmp.resolve("out-" + i + ".txt");
        outputs.add(out);
        ProcessBuilder pb = new ProcessBuilder(Arrays.asList(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
            "-cp", cp, CacheChildMain.class.getName(), cacheDir.toString(), counter.toString(), home.toString(),
            Long.toString(startAt), "p" + i));
        pb.redirectErrorStream(true);
        pb.redirectOutput(out.toFile());
        processes.add(pb.start());
      }
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
    for (Path out : outputs) {
      for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
        if (line.startsWith("TOKEN ")) {
          tokens.add(line.substring(6));
        }
      }
    }
    assertEquals(1, tokens.size(), "every build got the same token: " + tokens);
    assertEquals("fake-token-from-" + calls.get(0), tokens.iterator().next());
  }

  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
  }
}
