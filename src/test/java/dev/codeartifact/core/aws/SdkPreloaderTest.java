package dev.codeartifact.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SdkPreloaderTest {
  /** The list must match the SDK the plugin ships, or the preloading thread does nothing useful. */
  @Test
  void everyListedClassExistsInTheShippedSdk() {
    List<String> names = SdkPreloader.names();
    assertTrue(names.size() > 200, "only " + names.size() + " names");
    // The path of a cold fetch: the signer, the endpoint rules (with partitions), the credential chain.
    for (String part : new String[] {"software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner",
        "software.amazon.awssdk.services.codeartifact.endpoints.internal.DefaultCodeartifactEndpointProvider",
        "software.amazon.awssdk.services.codeartifact.endpoints.internal.DefaultPartitionDataProvider",
        "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider"}) {
      assertTrue(names.contains(part), part + " is not in sdk-classes.txt");
    }
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

  /**
   * {@link SdkPreloader} loaded again in a class loader of its own (its "started" flag is fresh, whatever other
   * tests in this JVM did), which holds every SDK class request until released and counts them: the preload
   * thread is then certainly alive when the test looks for it, and a second start would show as every name
   * requested twice. Requests fail in the ways a foreign SDK release can (not found, linkage error, runtime
   * exception): none may escape the thread.
   */
  @Test
  void startsOnceAndNeverThrows() throws Exception {
    String before = System.getProperty("codeartifact.preload");
    System.clearProperty("codeartifact.preload");
    CountDownLatch release = new CountDownLatch(1);
    HoldingLoader loader = new HoldingLoader(release);
    List<Throwable> escaped = Collections.synchronizedList(new ArrayList<>());
    ThreadGroup group = new ThreadGroup("sdk-preloader-test") {
      @Override
      public void uncaughtException(Thread t, Throwable e) {
        escaped.add(e);
      }
    };
    try {
      Class<?> preloader = Class.forName(SdkPreloader.class.getName(), true, loader);
      assertEquals(loader, preloader.getClassLoader(), "SdkPreloader not isolated");
      Method start = preloader.getMethod("start");
      Thread caller = new Thread(group, () -> {
        try {
          start.invoke(null);
          start.invoke(null);
        } catch (ReflectiveOperationException e) {
          escaped.add(e);
        }
      }, "sdk-preloader-test-caller");
      caller.start();
      caller.join(60_000);
      assertFalse(caller.isAlive(), "start() blocked its caller");
      assertEquals(List.of(), escaped, "start() threw");
      assertTrue(loader.firstRequest.await(60, TimeUnit.SECONDS), "no SDK class was ever requested");

      List<Thread> preloads = new ArrayList<>();
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getThreadGroup() == group && t != caller) {
          preloads.add(t);
        }
      }
      assertEquals(1, preloads.size(), "preload threads started by two start() calls: " + preloads);
      Thread preload = preloads.get(0);
      assertEquals("codeartifact-sdk-preload", preload.getName());
      assertTrue(preload.isDaemon(), "the preload thread would keep Maven's JVM alive");

      release.countDown();
      preload.join(60_000);
      assertFalse(preload.isAlive(), "the preload thread did not finish");
      assertEquals(List.of(), escaped, "the preload thread threw");

      List<String> names = SdkPreloader.names();
      Map<String, Integer> expected = new HashMap<>();
      for (String name : names) {
        expected.merge(name, 1, Integer::sum);
      }
      assertEquals(expected, loader.requests(), "each listed class requested once per listing, by one thread");
    } finally {
      release.countDown();
      if (before != null) {
        System.setProperty("codeartifact.preload", before);
      }
    }
  }

  @Test
  void startsNothingWhenDisabled() throws Exception {
    String before = System.getProperty("codeartifact.preload");
    System.setProperty("codeartifact.preload", "false");
    HoldingLoader loader = new HoldingLoader(new CountDownLatch(0));
    try {
      Class.forName(SdkPreloader.class.getName(), true, loader).getMethod("start").invoke(null);
      assertFalse(loader.firstRequest.await(2, TimeUnit.SECONDS), "an SDK class was preloaded");
      assertEquals(Map.of(), loader.requests());
    } finally {
      if (before == null) {
        System.clearProperty("codeartifact.preload");
      } else {
        System.setProperty("codeartifact.preload", before);
      }
    }
  }

  /**
   * Defines this project's {@code dev.codeartifact.*} classes itself (from the test class path), leaves
   * {@code java.*} to the platform, and answers every {@code software.amazon.*} request, after {@code release},
   * with a failure (three kinds in turn), counting them.
   */
  private static final class HoldingLoader extends URLClassLoader {
    private final CountDownLatch release;
    final CountDownLatch firstRequest = new CountDownLatch(1);
    private final Map<String, Integer> requests = new HashMap<>();

    HoldingLoader(CountDownLatch release) {
      super(classPath(), ClassLoader.getPlatformClassLoader());
      this.release = release;
    }

    private static URL[] classPath() {
      List<URL> urls = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        try {
          urls.add(new File(entry).toURI().toURL());
        } catch (MalformedURLException e) {
          throw new IllegalStateException(e);
        }
      }
      return urls.toArray(new URL[0]);
    }

    synchronized Map<String, Integer> requests() {
      return new HashMap<>(requests);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("software.amazon.")) {
        return super.loadClass(name, resolve);
      }
      int n;
      synchronized (this) {
        requests.merge(name, 1, Integer::sum);
        n = requests.size();
      }
      firstRequest.countDown();
      try {
        if (!release.await(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      switch (n % 3) {
        case 0: throw new ClassNotFoundException(name);
        case 1: throw new NoClassDefFoundError(name);
        default: throw new IllegalStateException(name);
      }
    }
  }
}
