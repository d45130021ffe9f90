package dev.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.flow.Configuration;
import dev.codeartifact.core.flow.RecordingLog;
import dev.codeartifact.maven.build.MavenBuild;
import dev.codeartifact.standin.StandIn;
import dev.codeartifact.standin.StandInCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many builds in one JVM, as Maven Daemon or an IDE runs them: the core extension's flow (the spy's
 * {@code onEvent(request)}, then the participant's {@code afterSessionStart}) and the build extension's
 * ({@code afterProjectsRead}) run for successive sessions against the stand-in, with the real token sources
 * (disk cache, then the AWS call). After each build, the JVM's system properties and the plugin's static state
 * are as they were before the first (once the SDK is loaded: JVM-wide by design), and what one build noted is
 * invisible to the next.
 */
@ExtendWith(StandInCredentials.class)
class ManyBuildsInOneJvmTest {
  @TempDir static Path tmp;
  static StandIn standIn;

  @BeforeAll
  static void start() throws IOException {
    standIn = StandIn.start(0, tmp.resolve("standin"));
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  /** A fresh request, as each build of a daemon gets: configuration from its user properties. */
  private static DefaultMavenExecutionRequest request(String domain, String... more) {
    DefaultMavenExecutionRequest r = TestBuilds.request();
    Properties user = new Properties();
    user.setProperty(Configuration.DOMAIN, domain);
    user.setProperty(Configuration.REGION, "us-west-2");
    user.setProperty(Configuration.SERVER_IDS, "codeartifact");
    user.setProperty(Configuration.ENDPOINT, standIn.baseUrl());
    user.setProperty(Configuration.CACHE_DIR, tmp.resolve("cache").toString());
    for (int i = 0; i < more.length; i += 2) {
      user.setProperty(more[i], more[i + 1]);
    }
    r.setUserProperties(user);
    r.setPom(tmp.resolve("pom.xml").toFile());
    return r;
  }

  /** One build; {@code core}: as a core extension, else as a build extension. Returns the server's password. */
  private static String build(DefaultMavenExecutionRequest request, boolean core) throws Exception {
    RecordingLog log = new RecordingLog();
    ExtensionParticipant participant = new ExtensionParticipant();
    MavenProject project = TestBuilds.project("app", "1.0", new ArrayList<>(), new ArrayList<>());
    MavenSession session = TestBuilds.session(request, TestBuilds.readOnlyRepoSession(), project);
    if (core) {
      new CoreExtensionSpy(log.buildLog()).onEvent(request);
      participant.afterSessionStart(session);
    }
    participant.afterProjectsRead(session);
    participant.afterSessionEnd(session);
    assertNull(MavenBuild.notes(request).failure());
    assertTrue(log.warns().isEmpty(), log.warns().toString());
    String password = TestBuilds.server(request, "codeartifact").getPassword();
    assertNotNull(password);
    log.assertNoSecret(password);
    return password;
  }

  private static int issued(String domain) throws IOException {
    try (InputStream in = new URL(standIn.baseUrl() + "/_standin/count?domain=" + domain).openStream()) {
      return Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
    }
  }

  @Test
  void fiftyBuildsLeaveNoTraceInSystemPropertiesOrStaticState() throws Exception {
    String domain = "many-builds";
    // Build 1 loads what is JVM-wide by design (the SDK, the cache's writer locks); the snapshot follows it.
    String first = build(request(domain), true);
    Map<String, String> properties = systemProperties();
    Map<String, String> statics = staticState();
    for (int n = 2; n <= 50; n++) {
      DefaultMavenExecutionRequest request = request(domain);
      assertTrue(request.getData().isEmpty(), "a new build starts with no notes");
      assertEquals(first, build(request, n % 2 == 0), "build " + n + " is served by the disk cache");
      assertEquals(properties, systemProperties(), "system properties after build " + n);
      assertEquals(statics, staticState(), "static state after build " + n);
    }
    assertEquals(1, issued(domain), "one token for fifty builds: the cache, not a JVM-wide memo");
  }

  @Test
  void aTokenPastItsMarginIsNeverAppliedByALaterBuild() throws Exception {
    // The stand-in issues ttl200- tokens for 200 s: inside the 5-minute margin from the start, usable only
    // in the minute after their fetch (ExpiryMargin.FRESH). With the disk cache off, only what an earlier
    // build of this JVM noted could hand one on: nothing may. Within a build both entry points share it.
    String domain = "ttl200-many-builds";
    Set<String> seen = new HashSet<>();
    for (int n = 1; n <= 4; n++) {
      assertTrue(seen.add(build(request(domain, Configuration.CACHE, "false"), n % 2 == 0)),
          "build " + n + " got a token of its own");
    }
    assertEquals(4, issued(domain), "one per build, also for the builds run by both core and build extension");
  }

  private static Map<String, String> systemProperties() {
    Map<String, String> copy = new TreeMap<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      copy.put(name, System.getProperty(name));
    }
    return copy;
  }

  /**
   * Every static field of the plugin's own classes that can change: a non-final field's value (by identity),
   * a collection's or map's size. JVM-wide on purpose and so left out: nothing; build 1 has set what is set once.
   */
  private static Map<String, String> staticState() throws Exception {
    Map<String, String> state = new TreeMap<>();
    Path classes = Paths.get("target/classes");
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      files.filter(f -> f.toString().endsWith(".class"))
          .forEach(f -> names.add(classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "")));
    }
    for (String name : names) {
      Class<?> c;
      try {
        c = Class.forName(name, false, ManyBuildsInOneJvmTest.class.getClassLoader());
        for (Field f : c.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
            continue;
          }
          boolean container = Collection.class.isAssignableFrom(f.getType()) || Map.class.isAssignableFrom(f.getType());
          if (Modifier.isFinal(f.getModifiers()) && !container) {
            continue;
          }
          f.setAccessible(true);
          Object v = f.get(null);
          String shown = v instanceof Collection ? "size " + ((Collection<?>) v).size()
              : v instanceof Map ? "size " + ((Map<?, ?>) v).size()
              : v == null ? "null" : v.getClass().getName() + "@" + System.identityHashCode(v);
          state.put(name + "." + f.getName(), shown);
        }
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        // a class that cannot load here (say, one for another Maven) holds no state of this test's builds
      }
    }
    assertNotEquals(0, names.size());
    return state;
  }
}
