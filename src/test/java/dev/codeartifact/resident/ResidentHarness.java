package dev.codeartifact.resident;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Many builds in one JVM, the way Maven Daemon or an IDE runs Maven: the plugin's class realm, its statics
 * and the JVM's system properties and threads live from one build to the next. Run by the IT
 * {@code resident-jvm} (its verify.groovy starts it in a child JVM whose class path holds only this class's
 * folder: Maven comes from {@code --maven-home}, loaded by a class loader of its own, so the plugin's realms
 * see Maven and not these test classes). Builds against the local CodeArtifact stand-in and checks:
 * <ol>
 *   <li>each build presents a valid token (the protected artifact is deleted from the local repository
 *       before each build, so each build downloads it, and the stand-in records which token it presented);
 *   <li>a build after the token expired (a {@code ttlN-} domain) gets a new one, in the same JVM;
 *   <li>a token a repository refused (401, a {@code revokedfirst-} domain) is not offered by the next build;
 *   <li>50 builds leave no growth in system properties, the plugin's static state, threads or class realms
 *       (compared with the state after build 1, the warm-up: the realm, the SDK and Maven's own JVM-wide
 *       settings appear there once), and no {@code dev.codeartifact.*} system property at all (per-build
 *       state in a JVM-wide place).
 * </ol>
 * Prints one line per check ({@code PASS}/{@code FAIL} and what was seen) to stdout and to {@code --report};
 * exits 1 when a check fails. Never prints a token: the stand-in names tokens by number ({@code #N}).
 */
public final class ResidentHarness {
  static final String PLUGIN = "codeartifact-maven-plugin";

  final Map<String, String> opts;
  final Path work;
  final Path repo;
  final String standin;
  final String mode; // core (.mvn/extensions.xml) or build (<extensions>true</extensions>)
  final String label;
  final String run;
  final int builds;
  final List<String> report = new ArrayList<>();
  int passed;
  int failed;
  Host host;

  ResidentHarness(Map<String, String> opts) {
    this.opts = opts;
    this.work = Paths.get(opts.get("work")).toAbsolutePath();
    this.repo = Paths.get(opts.get("repo")).toAbsolutePath();
    this.standin = opts.get("standin");
    this.mode = opts.get("mode");
    this.label = opts.get("label");
    this.run = Long.toString(System.currentTimeMillis() % 2176782336L, 36);
    this.builds = Integer.parseInt(opts.getOrDefault("builds", "50"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    for (String required : new String[] {"maven-home", "repo", "standin", "version", "mode", "label", "work", "report"}) {
      if (!opts.containsKey(required)) {
        System.err.println("missing --" + required);
        System.exit(2);
      }
    }
    ResidentHarness h = new ResidentHarness(opts);
    int status;
    try {
      status = h.runAll();
    } catch (Throwable t) {
      h.fail("harness", "stopped: " + t);
      t.printStackTrace();
      status = 1;
    }
    Files.write(Paths.get(opts.get("report")), h.report, StandardCharsets.UTF_8);
    System.out.flush();
    // Maven's and the SDK's non-daemon threads must not keep the JVM alive: their growth is reported above.
    Runtime.getRuntime().halt(status);
  }

  int runAll() throws Exception {
    long started = System.nanoTime();
    Path mavenHome = Paths.get(opts.get("maven-home")).toRealPath();
    System.setProperty("maven.home", mavenHome.toString());
    System.setProperty("maven.conf", mavenHome.resolve("conf").toString());
    System.setProperty("maven.installation.conf", mavenHome.resolve("conf").toString());
    System.setProperty("library.jansi.path", mavenHome.resolve("lib/jansi-native").toString());
    Path project = writeProject();
    System.setProperty("user.dir", project.toString());
    System.setProperty("maven.multiModuleProjectDirectory", project.toString());
    ClassLoader maven = mavenLoader(mavenHome);
    host = Files.exists(mavenHome.resolve("lib").resolve("maven-cli-" + mavenVersion(mavenHome) + ".jar"))
        ? new Maven4Resident(maven, project) : new Maven3Daemon(maven, project);
    String kind = mode.equals("core") ? "core extension (.mvn/extensions.xml)" : "build extension (<extensions>true</extensions>)";
    line("Maven " + mavenVersion(mavenHome) + ", " + host.describe() + ", plugin as " + kind + ", label " + label);

    steadyBuilds();
    renewal();
    refusedToken();
    noPluginSystemProperties("after all " + host.buildCount + " builds");

    line("result: " + passed + " passed, " + failed + " failed; " + host.buildCount + " builds in one JVM in "
        + (System.nanoTime() - started) / 1_000_000_000 + " s, of which builds " + host.nanos / 1_000_000_000
        + " s, snapshots " + Snapshot.spent / 1_000_000_000 + " s (logs: " + work.relativize(work.resolve("logs")) + "/)");
    return failed == 0 ? 0 : 1;
  }

  // ------------------------------------------------------------------ the checks

  /**
   * Checks 1 and 4: {@link #builds} builds of one project and domain, snapshots before build 1 and after each.
   * Every tenth build is offline ({@code -o}, the artifact left in the local repository), as a user of an
   * IDE or daemon sometimes builds: the plugin's once-per-build notes for that path must not pile up either.
   * Builds 5, 15, 25, ... run with {@code -Dcodeartifact.cache=false}, so they call AWS (the SDK, its client
   * and its HTTP connection) where the others are served from the disk cache: what a cache miss leaves
   * behind must not pile up.
   */
  void steadyBuilds() throws Exception {
    String domain = "res-" + mode + "-" + label + "-" + run;
    String artifact = artifactId();
    Snapshot before = Snapshot.take(this);
    Snapshot warm = null;
    Snapshot previous = before;
    List<String> tokenless = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    java.util.Set<String> tokensSeen = new java.util.TreeSet<>();
    java.util.Set<String> retained = new java.util.TreeSet<>();
    List<String> growth = new ArrayList<>();
    int mavenRealms = 0;
    List<String> otherThreads = new ArrayList<>();
    int online = 0;
    int misses = 0;
    for (int i = 1; i <= builds; i++) {
      boolean offline = i % 10 == 0;
      List<String> args = args(domain);
      if (offline) {
        args.add(0, "-o");
      } else {
        // Maven 3 copies -D into the system properties and leaves them there: every build says what it wants.
        args.add(0, "-Dcodeartifact.cache=" + (i % 10 != 5));
        misses += i % 10 == 5 ? 1 : 0;
        online++;
        deleteArtifact(artifact);
      }
      int known = requestsByToken(domain).size();
      int rc = host.build(args);
      if (rc != 0) {
        failures.add(host.buildCount + " (exit " + rc + ", " + host.lastLog() + ")");
      }
      List<String> all = requestsByToken(domain);
      List<String> downloads = all.subList(known, all.size()).stream()
          .filter(l -> l.contains("/" + artifact + "-1.0.jar ") && (l.contains(" 200 ") || l.contains(" 307 ")))
          .collect(Collectors.toList());
      if (!offline && downloads.isEmpty()) {
        tokenless.add(String.valueOf(host.buildCount));
      }
      downloads.forEach(l -> tokensSeen.add(l.substring(l.lastIndexOf(' ') + 1)));
      Snapshot now = Snapshot.take(this, i == 1);
      if (i > 1 && (!now.growthSince(warm, host.commandLine).isEmpty() || !now.retained.isEmpty())) {
        now = Snapshot.take(this, true); // what a collection would remove is no growth
      }
      retained.addAll(now.retained);
      if (i == 1) {
        warm = now;
        String added = now.describeAdded(before);
        line("  warm-up (build 1) added: " + (added.isEmpty() ? "nothing" : added));
      } else {
        mavenRealms += now.otherRealmsSince(previous).size();
        for (String t : now.otherThreadsSince(previous)) {
          otherThreads.add("after build " + i + ": " + t);
        }
        String grew = now.growthSince(warm, host.commandLine);
        if (!grew.isEmpty()) {
          growth.add("after build " + i + (offline ? " (offline)" : "") + ": " + grew);
          warm = now; // each growth once, not again after every later build
        }
      }
      previous = now;
    }
    String check1 = "1 each build presents a valid token";
    if (failures.isEmpty() && tokenless.isEmpty()) {
      pass(check1, online + " of " + online + " online builds downloaded " + artifact + " presenting a token of "
          + domain + " (tokens issued for it: " + count(domain) + ", presented: " + String.join(" ", tokensSeen)
          + "; " + misses + " of them without the disk cache), " + (builds - online) + " offline builds passed");
    } else {
      fail(check1, (failures.isEmpty() ? "" : "failed builds " + failures + "; ")
          + (tokenless.isEmpty() ? "" : "no download with a token of " + domain + " in builds " + tokenless));
    }
    String check4 = "4 no growth over " + builds + " builds";
    if (growth.isEmpty()) {
      pass(check4, "system properties, the plugin's static state, threads and class realms as after build 1");
    } else {
      fail(check4, String.join("; ", growth));
    }
    if (mavenRealms > 0) {
      line("  (not the plugin's: Maven made " + mavenRealms + " new class realms of other plugins after build 1, "
          + previous.realms.size() + " realms in the end)");
    }
    if (!otherThreads.isEmpty()) {
      line("  (not the plugin's: threads of Maven or the JDK that grew after build 1: " + String.join("; ", otherThreads)
          + "; " + previous.threads.values().stream().mapToInt(Integer::intValue).sum() + " threads in the end)");
    }
    String check4b = "4 no static reference to a finished build";
    if (retained.isEmpty()) {
      pass(check4b, "no static field of the plugin holds a request, session or project after its build");
    } else {
      fail(check4b, "held after the build: " + retained);
    }
    noPluginSystemProperties("after " + builds + " builds");
  }

  /** Check 2: a token with seconds to live; the next build starts after it expired and must get a new one. */
  void renewal() throws Exception {
    int ttl = 5;
    String domain = "ttl" + ttl + "-res-" + mode + "-" + label + "-" + run;
    String artifact = artifactId();
    deleteArtifact(artifact);
    int first = host.build(args(domain));
    long ended = System.nanoTime();
    String firstToken = lastJarToken(domain, artifact);
    // The token was issued before build A ended, so it has expired once ttl seconds have passed since.
    Thread.sleep(Math.max(0, ttl * 1000L + 300 - (System.nanoTime() - ended) / 1_000_000));
    deleteArtifact(artifact);
    int known = requestsByToken(domain).size();
    int second = host.build(args(domain));
    List<String> presented = requestsByToken(domain).subList(known, requestsByToken(domain).size());
    String secondToken = lastJarToken(domain, artifact);
    String seen = "build A exit " + first + " presenting " + firstToken + "; after its token expired, build B exit "
        + second + " presenting " + secondToken + " (tokens issued for " + domain + ": " + count(domain) + ")";
    boolean refused = presented.stream().anyMatch(l -> l.contains(" 401 "));
    if (first == 0 && second == 0 && !refused && secondToken != null && !secondToken.equals(firstToken)
        && count(domain).equals("2")) {
      pass("2 a build after the token's expiry gets a new one", seen);
    } else {
      fail("2 a build after the token's expiry gets a new one", seen + (refused ? "; the stand-in refused "
          + "an expired token in build B" : "") + " (" + host.lastLog() + ")");
    }
  }

  /** Check 3: the domain's first token is refused (401); the next build must not offer it again. */
  void refusedToken() throws Exception {
    String domain = "revokedfirst-res-" + mode + "-" + label + "-" + run;
    String artifact = artifactId();
    deleteArtifact(artifact);
    int first = host.build(args(domain));
    String firstLog = host.lastLog();
    List<String> a = requestsByToken(domain);
    deleteArtifact(artifact);
    int second = host.build(args(domain));
    List<String> all = requestsByToken(domain);
    List<String> b = all.subList(a.size(), all.size());
    List<String> again = b.stream().filter(l -> l.endsWith(" #1")).collect(Collectors.toList());
    String seen = "build A exit " + first + " (" + answers(a) + "), build B exit " + second + " (" + answers(b)
        + "); tokens issued for " + domain + ": " + count(domain);
    boolean refusedInA = a.stream().anyMatch(l -> l.contains(" 401 ") && l.endsWith(" #1"));
    if (refusedInA && second == 0 && again.isEmpty() && !b.isEmpty()) {
      pass("3 a refused token is not offered again", seen);
    } else {
      fail("3 a refused token is not offered again", seen + (again.isEmpty() ? "" : "; build B offered the token "
          + "refused in build A again") + " (" + firstLog + ", " + host.lastLog() + ")");
    }
  }

  /** "401 x2 with #1, 200 x1 with #2": what the repository answered to which token, from the stand-in's lines. */
  static String answers(List<String> lines) {
    if (lines.isEmpty()) {
      return "no request with a token";
    }
    Map<String, Integer> n = new LinkedHashMap<>();
    for (String l : lines) {
      String[] p = l.split(" ");
      n.merge(p[1] + " with " + p[p.length - 1], 1, Integer::sum);
    }
    return n.entrySet().stream().map(e -> e.getKey().replaceFirst(" ", " x" + e.getValue() + " "))
        .collect(Collectors.joining(", "));
  }

  /** Per-build state must not live in system properties: a daemon's next build (another project) sees it. */
  void noPluginSystemProperties(String when) {
    List<String> ours = System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("dev.codeartifact.")).sorted()
        .map(k -> k + " (" + System.getProperty(k).split(",").length + " entries, " + System.getProperty(k).length()
            + " chars)")
        .collect(Collectors.toList());
    if (ours.isEmpty()) {
      pass("4 no per-build state in system properties " + when, "no dev.codeartifact.* system property");
    } else {
      fail("4 no per-build state in system properties " + when, "the plugin left " + String.join(", ", ours));
    }
  }

  // ------------------------------------------------------------------ builds and the stand-in

  List<String> args(String domain) {
    List<String> a = new ArrayList<>(Arrays.asList("-B", "-e", "-s", work.resolve("settings.xml").toString(),
        "-Dmaven.repo.local=" + repo, "-Dcodeartifact.domain=" + domain, "-Dcodeartifact.serverIds=codeartifact",
        "-Dcodeartifact.region=us-west-2", "-Dstyle.color=never"));
    // Maven 4 asks Central for a prefix file on each build that resolves a plugin (seconds on a slow or
    // filtered network); nothing here comes from Central that is not already in the local repository.
    a.add("-Daether.remoteRepositoryFilter.prefixes=false");
    a.add("compile");
    return a;
  }

  String artifactId() {
    return "lib-resident-" + mode + "-" + label;
  }

  void deleteArtifact(String artifactId) throws IOException {
    Path dir = repo.resolve("dev/codeartifact/protected").resolve(artifactId);
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
          Files.delete(p);
        }
      }
    }
  }

  /** The project all builds of this JVM build: one dependency that exists only in the protected repository. */
  Path writeProject() throws IOException {
    Path project = work.resolve("project");
    Files.createDirectories(project.resolve(".mvn"));
    Files.createDirectories(work.resolve("logs"));
    String version = opts.get("version");
    String plugin = "<groupId>dev.codeartifact</groupId><artifactId>" + PLUGIN + "</artifactId><version>" + version
        + "</version>";
    if (mode.equals("core")) {
      Files.write(project.resolve(".mvn/extensions.xml"), ("<extensions><extension>" + plugin
          + "</extension></extensions>\n").getBytes(StandardCharsets.UTF_8));
    }
    String build = mode.equals("core") ? "" : "<build><plugins><plugin>" + plugin
        + "<extensions>true</extensions></plugin></plugins></build>";
    Files.write(project.resolve("pom.xml"), ("<project xmlns=\"http://maven.apache.org/POM/4.0.0\">"
        + "<modelVersion>4.0.0</modelVersion><groupId>dev.codeartifact.it</groupId>"
        + "<artifactId>resident-" + mode + "</artifactId><version>1.0</version><packaging>jar</packaging>"
        + "<properties><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>"
        + "<repositories><repository><id>codeartifact</id><url>" + standin + "/maven/resident/</url></repository>"
        + "</repositories><dependencies><dependency><groupId>dev.codeartifact.protected</groupId>"
        + "<artifactId>" + artifactId() + "</artifactId><version>1.0</version></dependency></dependencies>"
        + build + "</project>\n").getBytes(StandardCharsets.UTF_8));
    // No user settings of the machine: only the local repository and Central.
    Files.write(work.resolve("settings.xml"), "<settings/>\n".getBytes(StandardCharsets.UTF_8));
    return project;
  }

  String count(String domain) throws IOException {
    return control("/_standin/count?domain=" + domain).trim();
  }

  List<String> requestsByToken(String domain) throws IOException {
    return Arrays.stream(control("/_standin/requests-by-token?domain=" + domain).split("\n"))
        .filter(l -> !l.trim().isEmpty()).collect(Collectors.toList());
  }

  /** The token number ({@code #N}) the last download of the artifact's jar presented, or null. */
  String lastJarToken(String domain, String artifact) throws IOException {
    String found = null;
    for (String l : requestsByToken(domain)) {
      if (l.contains("/" + artifact + "-1.0.jar ")) {
        found = l.substring(l.lastIndexOf(' ') + 1);
      }
    }
    return found;
  }

  String control(String path) throws IOException {
    int q = path.indexOf("domain=");
    String p = q < 0 ? path : path.substring(0, q + 7) + URLEncoder.encode(path.substring(q + 7), "UTF-8");
    return new String(URI.create(standin + p).toURL().openStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ report

  void line(String s) {
    report.add(s);
    System.out.println("[resident] " + s);
  }

  void pass(String check, String seen) {
    passed++;
    line("PASS " + check + ": " + seen);
  }

  void fail(String check, String seen) {
    failed++;
    line("FAIL " + check + ": " + seen);
  }

  // ------------------------------------------------------------------ Maven

  static String mavenVersion(Path home) throws IOException {
    try (Stream<Path> s = Files.list(home.resolve("lib"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("maven-core-.*\\.jar"))
          .map(n -> n.substring("maven-core-".length(), n.length() - 4)).findFirst().orElse("?");
    }
  }

  /** Maven's own class path (boot/, lib/, conf/logging), as bin/m2.conf builds plexus.core, over the platform. */
  static ClassLoader mavenLoader(Path home) throws IOException {
    List<URL> urls = new ArrayList<>();
    urls.add(home.resolve("conf/logging").toUri().toURL());
    for (String dir : new String[] {"lib/ext", "lib", "boot"}) {
      if (!Files.isDirectory(home.resolve(dir))) {
        continue;
      }
      try (Stream<Path> s = Files.list(home.resolve(dir))) {
        for (Path p : s.filter(f -> f.toString().endsWith(".jar")).sorted().collect(Collectors.toList())) {
          urls.add(p.toUri().toURL());
        }
      }
    }
    return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
  }

  /** One JVM hosting many builds. */
  abstract static class Host {
    final ClassLoader maven;
    final Path project;
    final Object classWorld;
    int buildCount;
    long nanos;
    Path log;
    final java.util.Set<String> commandLine = new java.util.TreeSet<>();

    Host(ClassLoader maven, Path project) throws Exception {
      this.maven = maven;
      this.project = project;
      this.classWorld = maven.loadClass("org.codehaus.plexus.classworlds.ClassWorld")
          .getConstructor(String.class, ClassLoader.class).newInstance("plexus.core", maven);
    }

    abstract String describe();

    /** Runs one build with its output in logs/build-N.log; returns Maven's exit code. */
    int build(List<String> args) throws Exception {
      buildCount++;
      for (String a : args) {
        if (a.startsWith("-D")) {
          commandLine.add(a.substring(2, a.contains("=") ? a.indexOf('=') : a.length()));
        }
      }
      log = project.getParent().resolve("logs").resolve("build-" + buildCount + ".log");
      ClassLoader tccl = Thread.currentThread().getContextClassLoader();
      long start = System.nanoTime();
      PrintStream out = System.out;
      PrintStream err = System.err;
      try (PrintStream file = new PrintStream(Files.newOutputStream(log), true, "UTF-8")) {
        System.setOut(file);
        System.setErr(file);
        return run(args.toArray(new String[0]), file);
      } finally {
        nanos += System.nanoTime() - start;
        System.setOut(out);
        System.setErr(err);
        Thread.currentThread().setContextClassLoader(tccl);
      }
    }

    abstract int run(String[] args, PrintStream out) throws Exception;

    String lastLog() {
      return "see " + project.getParent().relativize(log);
    }

    /** The ClassWorld's realms (ClassRealm objects, each a ClassLoader with getId()). */
    List<ClassLoader> realms() throws Exception {
      List<ClassLoader> out = new ArrayList<>();
      for (Object r : (java.util.Collection<?>) classWorld.getClass().getMethod("getRealms").invoke(classWorld)) {
        out.add((ClassLoader) r);
      }
      return out;
    }

    static String id(ClassLoader realm) {
      try {
        return (String) realm.getClass().getMethod("getId").invoke(realm);
      } catch (ReflectiveOperationException e) {
        return realm.toString();
      }
    }
  }

  /**
   * Maven 3.9 kept resident the way Maven Daemon 1.x keeps it ({@code DaemonMavenCli}, itself a copy of
   * {@code MavenCli}): one {@code MavenCli}, one ClassWorld, the container (with the core extensions' realms,
   * Maven's realm caches and the event-spy dispatcher) created by the first build and kept; every build runs
   * the rest of {@code MavenCli.doMain} on it: parse the command line, properties, logging, settings,
   * request, event spies' {@code init} and {@code onEvent(request)}, {@code Maven.execute}. Unlike mvnd it
   * does not restore the system properties after each build, as {@code MavenCli} and IDE embedders don't.
   */
  static final class Maven3Daemon extends Host {
    final Class<?> cliClass;
    final Class<?> requestClass;
    final Object cli;
    Object container;

    Maven3Daemon(ClassLoader maven, Path project) throws Exception {
      super(maven, project);
      cliClass = maven.loadClass("org.apache.maven.cli.MavenCli");
      requestClass = maven.loadClass("org.apache.maven.cli.CliRequest");
      cli = cliClass.getConstructor(classWorld.getClass()).newInstance(classWorld);
    }

    @Override
    String describe() {
      return "MavenCli with one container kept across builds (as mvnd 1.x)";
    }

    @Override
    int run(String[] args, PrintStream out) throws Exception {
      java.lang.reflect.Constructor<?> c = requestClass.getDeclaredConstructor(String[].class, classWorld.getClass());
      c.setAccessible(true);
      Object request = c.newInstance(args, classWorld);
      set(request, "workingDirectory", project.toString());
      set(request, "multiModuleProjectDirectory", project.toFile());
      try {
        step("initialize", request);
        step("cli", request);
        step("properties", request);
        step("logging", request);
        step("informativeCommands", request);
        step("version", request);
        if (container == null) {
          container = step("container", request);
        } else {
          Thread.currentThread().setContextClassLoader(
              (ClassLoader) container.getClass().getMethod("getContainerRealm").invoke(container));
          initSpies(request);
          forgetResolvedDependencies();
        }
        step("commands", request);
        step("configure", request);
        step("toolchains", request);
        step("populateRequest", request);
        step("encryption", request);
        return (Integer) step("execute", request);
      } catch (java.lang.reflect.InvocationTargetException e) {
        Throwable t = e.getCause();
        if (t.getClass().getName().endsWith("MavenCli$ExitException")) {
          java.lang.reflect.Field code = t.getClass().getDeclaredField("exitCode");
          code.setAccessible(true);
          return code.getInt(t);
        }
        t.printStackTrace(out);
        return 1;
      }
    }

    /**
     * The container keeps each project's resolved dependencies (files included) from build to build; mvnd
     * replaces that cache with one that drops an entry whose files changed or went away. Here the artifact is
     * deleted before each build on purpose, so the entries are dropped before each build.
     */
    void forgetResolvedDependencies() throws Exception {
      Class<?> cache = maven.loadClass("org.apache.maven.project.artifact.ProjectArtifactsCache");
      Object c = container.getClass().getMethod("lookup", Class.class).invoke(container, cache);
      cache.getMethod("flush").invoke(c);
    }

    /** What {@code container()} does for the event spies on the first build, and mvnd on every other. */
    void initSpies(Object request) throws Exception {
      Object dispatcher = get(cli, "eventSpyDispatcher");
      Object context = maven.loadClass("org.apache.maven.cli.event.DefaultEventSpyContext").getConstructor().newInstance();
      @SuppressWarnings("unchecked")
      Map<String, Object> data = (Map<String, Object>) context.getClass().getMethod("getData").invoke(context);
      data.put("plexus", container);
      data.put("workingDirectory", get(request, "workingDirectory"));
      data.put("systemProperties", get(request, "systemProperties"));
      data.put("userProperties", get(request, "userProperties"));
      java.lang.reflect.Method version = maven.loadClass("org.apache.maven.cli.CLIReportingUtils")
          .getDeclaredMethod("getBuildProperties");
      version.setAccessible(true);
      data.put("versionProperties", version.invoke(null));
      Class<?> spyContext = maven.loadClass("org.apache.maven.eventspy.EventSpy$Context");
      dispatcher.getClass().getMethod("init", spyContext).invoke(dispatcher, context);
    }

    Object step(String name, Object request) throws Exception {
      java.lang.reflect.Method m = cliClass.getDeclaredMethod(name, requestClass);
      m.setAccessible(true);
      return m.invoke(cli, request);
    }

    static Object get(Object target, String field) throws ReflectiveOperationException {
      java.lang.reflect.Field f = target.getClass().getDeclaredField(field);
      f.setAccessible(true);
      return f.get(target);
    }

    static void set(Object target, String field, Object value) throws ReflectiveOperationException {
      java.lang.reflect.Field f = target.getClass().getDeclaredField(field);
      f.setAccessible(true);
      f.set(target, value);
    }
  }

  /**
   * Maven 4's resident invoker ({@code ResidentMavenInvoker}, what mvnd 2.x extends): one invoker whose
   * container, lookup and event-spy dispatcher are kept after the first build; each build is parsed and
   * invoked as {@code MavenCling} does, embedded, with this JVM's output streams.
   */
  static final class Maven4Resident extends Host {
    final Object invoker;

    Maven4Resident(ClassLoader maven, Path project) throws Exception {
      super(maven, project);
      Class<?> protoLookup = maven.loadClass("org.apache.maven.cling.invoker.ProtoLookup");
      Object builder = protoLookup.getMethod("builder").invoke(null);
      builder.getClass().getMethod("addMapping", Class.class, Object.class).invoke(builder, classWorld.getClass(), classWorld);
      Object lookup = builder.getClass().getMethod("build").invoke(builder);
      Class<?> invokerClass = maven.loadClass("org.apache.maven.cling.invoker.mvn.resident.ResidentMavenInvoker");
      invoker = invokerClass.getConstructor(maven.loadClass("org.apache.maven.api.services.Lookup"),
          java.util.function.Consumer.class).newInstance(lookup, null);
    }

    @Override
    String describe() {
      return "ResidentMavenInvoker (as mvnd 2.x)";
    }

    @Override
    int run(String[] args, PrintStream out) throws Exception {
      Thread.currentThread().setContextClassLoader(maven);
      Class<?> mbfClass = maven.loadClass("org.apache.maven.api.services.MessageBuilderFactory");
      Object mbf = maven.loadClass("org.apache.maven.jline.JLineMessageBuilderFactory").getConstructor().newInstance();
      Class<?> parserRequest = maven.loadClass("org.apache.maven.api.cli.ParserRequest");
      Object b = parserRequest.getMethod("mvn", String[].class, mbfClass).invoke(null, args, mbf);
      b.getClass().getMethod("cwd", Path.class).invoke(b, project);
      b.getClass().getMethod("stdOut", java.io.OutputStream.class).invoke(b, out);
      b.getClass().getMethod("stdErr", java.io.OutputStream.class).invoke(b, out);
      b.getClass().getMethod("embedded", boolean.class).invoke(b, true);
      Object request = b.getClass().getMethod("build").invoke(b);
      Object parser = maven.loadClass("org.apache.maven.cling.invoker.mvn.MavenParser").getConstructor().newInstance();
      Object invokerRequest = parser.getClass().getMethod("parseInvocation", parserRequest).invoke(parser, request);
      try {
        return (Integer) maven.loadClass("org.apache.maven.api.cli.Invoker")
            .getMethod("invoke", maven.loadClass("org.apache.maven.api.cli.InvokerRequest")).invoke(invoker, invokerRequest);
      } catch (java.lang.reflect.InvocationTargetException e) {
        Throwable t = e.getCause();
        try {
          return (Integer) t.getClass().getMethod("getExitCode").invoke(t);
        } catch (NoSuchMethodException notExit) {
          t.printStackTrace(out);
          return 1;
        }
      }
    }
  }
}
