package dev.codeartifact.core.aws;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads, on a second core, the AWS SDK classes a cold token fetch needs (listed in {@code sdk-classes.txt}, in
 * the order a fetch loads them), while the calling thread resolves credentials and the endpoint: class loading
 * is most of an SDK cold start. Classes are loaded, not initialized (initializing on two threads could
 * deadlock on class-initialization locks). Only started on a cache miss (a cache hit loads no SDK class at all); a missing name (another SDK release) is
 * skipped. No SDK import here: this class must load before any SDK class does.
 */
public final class SdkPreloader {
  /** JVM-wide on purpose: the SDK classes are loaded once per class loader, whatever the number of builds. */
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private SdkPreloader() {}

  /** Starts the preloading once per class loader of this class; later calls do nothing. */
  public static void start() {
    if ("false".equals(System.getProperty("codeartifact.preload"))) {
      return;
    }
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    final ClassLoader loader = SdkPreloader.class.getClassLoader();
    final List<String> names = names();
    if (names.isEmpty()) {
      return;
    }
    Thread t = new Thread(new Runnable() {
      @Override
      public void run() {
        // The calling thread loads the list from its start: begin further on so the two meet rather than race.
        int from = names.size() / 3;
        for (int i = from; i < names.size(); i++) {
          load(names.get(i), loader);
        }
        for (int i = 0; i < from; i++) {
          load(names.get(i), loader);
        }
      }
    }, "codeartifact-sdk-preload");
    t.setDaemon(true);
    t.setPriority(Thread.NORM_PRIORITY - 1);
    t.start();
  }

  private static void load(String name, ClassLoader loader) {
    try {
      Class.forName(name, false, loader);
    } catch (Throwable ignored) {
      // Not in this SDK release, or not loadable here: the calling thread will meet it (or not) itself.
    }
  }

  static List<String> names() {
    List<String> out = new ArrayList<String>();
    InputStream in = SdkPreloader.class.getResourceAsStream("sdk-classes.txt");
    if (in == null) {
      return out;
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          out.add(line.trim());
        }
      }
    } catch (IOException e) {
      out.clear();
    }
    return out;
  }
}
