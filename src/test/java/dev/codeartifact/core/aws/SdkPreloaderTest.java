package dev.codeartifact.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdkPreloaderTest {
  /** The list must match the SDK the plugin ships, or the preloading thread does nothing useful. */
  @Test
  void everyListedClassExistsInTheShippedSdk() {
    List<String> names = SdkPreloader.names();
    assertTrue(names.size() > 500, "only " + names.size() + " names");
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      assertTrue(name.startsWith("software.amazon."), name);
      try {
        Class.forName(name, false, SdkPreloader.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        missing.add(name);
      }
    }
    assertEquals(List.of(), missing, "stale sdk-classes.txt: run benchmarks/sdk-classes.sh");
  }

  @Test
  void startsOnceAndNeverThrows() throws Exception {
    SdkPreloader.start();
    SdkPreloader.start();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("codeartifact-sdk-preload")) {
        assertTrue(t.isDaemon());
        t.join(60_000);
      }
    }
  }
}
