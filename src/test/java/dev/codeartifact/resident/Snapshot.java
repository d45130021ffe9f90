package dev.codeartifact.resident;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What one JVM holds between builds, as numbers that must not grow: system properties (names and value
 * lengths; values are never printed), live threads by name (digits folded, so pool-3-thread-1 and
 * pool-4-thread-1 count as two of one kind), the ClassWorld's realms, and the plugin's static state: in
 * every realm that loaded the plugin (and in the class loader of its nested SDK jar), the size of every
 * static map, collection or array, followed one object deep into the plugin's own objects (so
 * {@code TokenService.SHARED.memo} is seen), plus every static reference that keeps a finished build's
 * request, session or project alive.
 */
final class Snapshot {
  /** Maven's per-build objects a static field must not keep after the build. */
  private static final String[] BUILD_OBJECTS = {
    "org.apache.maven.execution.MavenExecutionRequest", "org.apache.maven.execution.MavenSession",
    "org.apache.maven.project.MavenProject", "org.eclipse.aether.RepositorySystemSession"
  };
  private static List<String> pluginClasses;
  private static List<String> sdkClasses;

  final Map<String, Integer> properties = new TreeMap<>();
  final Map<String, Integer> threads = new TreeMap<>();
  final Map<String, String> threadLoaders = new TreeMap<>();
  /** Thread kinds the plugin or its SDK started or runs code in (the others are Maven's or the JDK's). */
  final Set<String> pluginThreads = new TreeSet<>();
  final Set<String> realms = new TreeSet<>();
  final Map<String, Integer> statics = new TreeMap<>();
  final Set<String> retained = new TreeSet<>();

  /** Nanoseconds spent taking snapshots, for the harness's last line. */
  static long spent;

  static Snapshot take(ResidentHarness h) throws Exception {
    return take(h, true);
  }

  /**
   * With {@code collect}, after a garbage collection: weak maps and finished threads are only gone once
   * collected. Without, cheaper (with 100 realms a collection costs 0.2 s): for a first look that is
   * repeated with a collection when it shows growth.
   */
  static Snapshot take(ResidentHarness h, boolean collect) throws Exception {
    long start = System.nanoTime();
    try {
      if (collect) {
        System.gc();
        Thread.sleep(20);
      }
      return takeNow(h);
    } finally {
      spent += System.nanoTime() - start;
    }
  }

  private static Snapshot takeNow(ResidentHarness h) throws Exception {
    Snapshot s = new Snapshot();
    for (String k : System.getProperties().stringPropertyNames()) {
      s.properties.put(k, System.getProperty(k, "").length());
    }
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      Thread t = e.getKey();
      if (!t.isAlive()) {
        continue;
      }
      String kind = t.getName().replaceAll("[0-9]+", "#");
      s.threads.merge(kind, 1, Integer::sum);
      ClassLoader cl = t.getContextClassLoader();
      s.threadLoaders.put(kind, cl == null ? "none" : cl.getClass().getSimpleName().equals("ClassRealm")
          ? ResidentHarness.Host.id(cl) : cl.getClass().getSimpleName());
      if (isPlugins(t, e.getValue())) {
        s.pluginThreads.add(kind);
      }
    }
    for (ClassLoader realm : h.host.realms()) {
      String id = ResidentHarness.Host.id(realm);
      s.realms.add(id);
      if (id.contains(ResidentHarness.PLUGIN)) {
        String where = id.substring(0, Math.max(0, id.indexOf('>')));
        s.walk(where, realm, pluginClasses(h));
        ClassLoader sdk = sdkLoader(realm);
        if (sdk != null && sdk != realm) {
          s.walk(where + "/sdk", sdk, sdkClasses(h));
        }
      }
    }
    return s;
  }

  /** What build 1 added to a JVM that had run no build yet: the warm-up, printed once for the record. */
  String describeAdded(Snapshot before) {
    List<String> out = new ArrayList<>();
    List<String> props = properties.keySet().stream().filter(k -> !before.properties.containsKey(k))
        .collect(Collectors.toList());
    if (!props.isEmpty()) {
      out.add("system properties " + props);
    }
    List<String> newThreads = threads.entrySet().stream()
        .filter(e -> e.getValue() > before.threads.getOrDefault(e.getKey(), 0))
        .map(e -> e.getKey() + " x" + (e.getValue() - before.threads.getOrDefault(e.getKey(), 0)))
        .collect(Collectors.toList());
    if (!newThreads.isEmpty()) {
      out.add("threads " + newThreads);
    }
    List<String> newRealms = realms.stream().filter(r -> !before.realms.contains(r)).collect(Collectors.toList());
    if (!newRealms.isEmpty()) {
      out.add(newRealms.size() + " class realms (" + newRealms.stream().filter(r -> r.contains(ResidentHarness.PLUGIN))
          .collect(Collectors.joining(", ")) + ")");
    }
    List<String> filled = statics.entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.toList());
    if (!filled.isEmpty()) {
      out.add("plugin static state " + filled);
    }
    if (!retained.isEmpty()) {
      out.add("static references to build objects " + retained);
    }
    return String.join("; ", out);
  }

  /** Threads neither the plugin nor its SDK started or runs code in that grew since {@code warm}: Maven's, the JDK's. */
  List<String> otherThreadsSince(Snapshot warm) {
    return threads.entrySet().stream()
        .filter(e -> e.getValue() > warm.threads.getOrDefault(e.getKey(), 0) && !pluginThreads.contains(e.getKey()))
        .map(e -> e.getKey() + " " + warm.threads.getOrDefault(e.getKey(), 0) + " -> " + e.getValue())
        .collect(Collectors.toList());
  }

  /**
   * A thread is the plugin's when its class or context class loader is a realm of the plugin or the SDK's
   * loader, its name is the plugin's or the SDK's, or code of either is on its stack.
   */
  private static boolean isPlugins(Thread t, StackTraceElement[] stack) {
    String name = t.getName().toLowerCase(java.util.Locale.ROOT);
    if (name.contains("codeartifact") || name.startsWith("sdk-") || name.startsWith("aws-")) {
      return true;
    }
    for (ClassLoader cl : new ClassLoader[] {t.getContextClassLoader(), t.getClass().getClassLoader()}) {
      if (cl != null && (ResidentHarness.Host.id(cl).contains(ResidentHarness.PLUGIN)
          || cl.getClass() == java.net.URLClassLoader.class && String.valueOf(cl.getParent()).contains(ResidentHarness.PLUGIN))) {
        return true;
      }
    }
    for (StackTraceElement f : stack) {
      if (f.getClassName().startsWith("dev.codeartifact.") || f.getClassName().startsWith("software.amazon.")) {
        return true;
      }
    }
    return false;
  }

  /** Maven's own realms (other plugins) that are new since {@code warm}: Maven's business, reported apart. */
  List<String> otherRealmsSince(Snapshot warm) {
    return realms.stream().filter(r -> !warm.realms.contains(r) && !r.contains(ResidentHarness.PLUGIN))
        .collect(Collectors.toList());
  }

  /**
   * Everything that is larger than in {@code warm}, or new: empty when nothing grew. System properties named
   * by a build's {@code -D} are left out: Maven 3's CLI copies them there and never removes them.
   */
  String growthSince(Snapshot warm, Set<String> commandLine) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : properties.entrySet()) {
      if (commandLine.contains(e.getKey())) {
        continue; // a -D of some build, copied there by Maven 3 itself
      }
      Integer was = warm.properties.get(e.getKey());
      if (was == null) {
        out.add("new system property " + e.getKey());
      } else if (e.getValue() > was) {
        out.add("system property " + e.getKey() + " grew from " + was + " to " + e.getValue() + " chars");
      }
    }
    for (Map.Entry<String, Integer> e : threads.entrySet()) {
      int was = warm.threads.getOrDefault(e.getKey(), 0);
      if (e.getValue() > was && pluginThreads.contains(e.getKey())) {
        out.add("threads '" + e.getKey() + "' " + was + " -> " + e.getValue() + " (context class loader "
            + threadLoaders.get(e.getKey()) + ")");
      }
    }
    long plugin = realms.stream().filter(r -> r.contains(ResidentHarness.PLUGIN)).count();
    long pluginBefore = warm.realms.stream().filter(r -> r.contains(ResidentHarness.PLUGIN)).count();
    if (plugin > pluginBefore) {
      out.add("the plugin's class realms " + pluginBefore + " -> " + plugin);
    }
    for (Map.Entry<String, Integer> e : statics.entrySet()) {
      int was = warm.statics.getOrDefault(e.getKey(), 0);
      if (e.getValue() > was) {
        out.add("static " + e.getKey() + " " + was + " -> " + e.getValue());
      }
    }
    return String.join(", ", out);
  }

  // ------------------------------------------------------------------ the plugin's statics

  private void walk(String where, ClassLoader loader, List<String> classNames) {
    for (String name : classNames) {
      Class<?> c;
      try {
        c = Class.forName(name, false, loader);
        if (c.getClassLoader() != loader) {
          continue; // the SDK loader delegates the plugin's own classes to the realm: counted there
        }
        for (Field f : c.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive() || f.isSynthetic()) {
            continue;
          }
          f.setAccessible(true);
          String key = where + " " + c.getName().replace("dev.codeartifact.", "") + "." + f.getName();
          measure(key, f.get(null), 0, new IdentityHashMap<>());
        }
      } catch (Throwable e) {
        // A class this Maven cannot link (another Maven's API): it holds no state here.
      }
    }
  }

  private void measure(String key, Object v, int depth, IdentityHashMap<Object, Boolean> seen) {
    if (v == null || seen.put(v, Boolean.TRUE) != null) {
      return;
    }
    if (isBuildObject(v)) {
      retained.add(key + " (" + v.getClass().getSimpleName() + ")");
      return;
    }
    if (v instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) v;
      statics.put(key, m.size());
      for (Object value : m.values().toArray()) {
        elementRetains(key, value);
      }
    } else if (v instanceof Collection) {
      Collection<?> c = (Collection<?>) v;
      statics.put(key, c.size());
      for (Object e : c.toArray()) {
        elementRetains(key, e);
      }
    } else if (v.getClass().isArray() && !v.getClass().getComponentType().isPrimitive()) {
      statics.put(key, Array.getLength(v));
      for (int i = 0; i < Array.getLength(v); i++) {
        elementRetains(key, Array.get(v, i));
      }
    } else if (depth < 2 && v.getClass().getName().startsWith("dev.codeartifact.")) {
      for (Class<?> c = v.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
            continue;
          }
          try {
            f.setAccessible(true);
            measure(key + "." + f.getName(), f.get(v), depth + 1, seen);
          } catch (Throwable e) {
            // not readable: nothing to count
          }
        }
      }
    }
  }

  private void elementRetains(String key, Object element) {
    if (element != null && isBuildObject(element)) {
      retained.add(key + " (an element: " + element.getClass().getSimpleName() + ")");
    }
  }

  private static boolean isBuildObject(Object v) {
    for (Class<?> c = v.getClass(); c != null; c = c.getSuperclass()) {
      if (named(c)) {
        return true;
      }
      for (Class<?> i : c.getInterfaces()) {
        if (named(i)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean named(Class<?> c) {
    for (String n : BUILD_OBJECTS) {
      if (n.equals(c.getName())) {
        return true;
      }
    }
    return false;
  }

  /** The class loader of the nested SDK jar, once {@code SdkLoader} loaded it in this realm; else null. */
  private static ClassLoader sdkLoader(ClassLoader realm) {
    try {
      Class<?> loader = Class.forName("dev.codeartifact.core.token.SdkLoader", false, realm);
      Field f = loader.getDeclaredField("factory");
      f.setAccessible(true);
      Object factory = f.get(null);
      return factory == null ? null : factory.getClass().getClassLoader();
    } catch (Throwable e) {
      return null;
    }
  }

  private static synchronized List<String> pluginClasses(ResidentHarness h) throws IOException {
    if (pluginClasses == null) {
      pluginClasses = new ArrayList<>();
      sdkClasses = new ArrayList<>();
      try (JarInputStream jar = new JarInputStream(Files.newInputStream(pluginJar(h)))) {
        for (JarEntry e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
          if (e.getName().equals("META-INF/codeartifact/aws-sdk.jar")) {
            readSdk(jar);
          } else if (isOurClass(e.getName())) {
            pluginClasses.add(className(e.getName()));
          }
        }
      }
    }
    return pluginClasses;
  }

  private static List<String> sdkClasses(ResidentHarness h) throws IOException {
    pluginClasses(h);
    return sdkClasses;
  }

  private static void readSdk(InputStream nested) throws IOException {
    JarInputStream sdk = new JarInputStream(nested); // not closed: that would close the outer jar
    for (JarEntry e = sdk.getNextJarEntry(); e != null; e = sdk.getNextJarEntry()) {
      if (isOurClass(e.getName())) {
        sdkClasses.add(className(e.getName()));
      }
    }
  }

  private static boolean isOurClass(String entry) {
    return entry.startsWith("dev/codeartifact/") && entry.endsWith(".class") && !entry.contains("/help/")
        && !entry.endsWith("HelpMojo.class");
  }

  private static String className(String entry) {
    return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
  }

  private static Path pluginJar(ResidentHarness h) throws IOException {
    Path dir = h.repo.resolve("dev/codeartifact").resolve(ResidentHarness.PLUGIN).resolve(h.opts.get("version"));
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches(ResidentHarness.PLUGIN + "-.*\\.jar")
          && !p.getFileName().toString().contains("-sources")).findFirst()
          .orElseThrow(() -> new IOException("no plugin jar in " + dir));
    }
  }
}
