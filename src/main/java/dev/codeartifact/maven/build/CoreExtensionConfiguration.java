package dev.codeartifact.maven.build;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.Configuration;
import dev.codeartifact.core.flow.TokenPlanner;
import dev.codeartifact.core.repository.Mirrors;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.repository.ArtifactRepository;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.model.DistributionManagement;
import org.apache.maven.model.Model;
import org.apache.maven.model.Profile;
import org.apache.maven.model.Repository;
import org.apache.maven.model.RepositoryBase;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.apache.maven.settings.Mirror;

/**
 * What the core extension knows before Maven reads any POM: configuration from user properties
 * ({@code -D}, {@code .mvn/maven.config}), system properties and the properties of active settings
 * profiles (in that order of precedence, as for the goal), and the repositories of the settings and of
 * the root {@code pom.xml}, by the id after mirroring.
 */
public final class CoreExtensionConfiguration {
  static final String USER = "-D or .mvn/maven.config";
  static final String SYSTEM = "system property";

  public final Configuration configuration;
  /** For each property that is set: where its value came from, for error messages. */
  public final Map<String, String> sources;

  private CoreExtensionConfiguration(Configuration configuration, Map<String, String> sources) {
    this.configuration = configuration;
    this.sources = sources;
  }

  public static CoreExtensionConfiguration of(MavenExecutionRequest request) {
    Configuration.Layers layers = new Configuration.Layers()
        .offer(request.getUserProperties(), USER)
        .offer(request.getSystemProperties(), SYSTEM);
    for (Profile p : activeSettingsProfiles(request)) {
      layers.offer(p.getProperties(), "settings profile " + p.getId());
    }
    return new CoreExtensionConfiguration(layers.configuration(), layers.sources());
  }

  /**
   * The settings profiles Maven will activate: those named in {@code <activeProfiles>} or {@code -P} and
   * not deactivated ({@code -P !id}); else, when none is, those marked {@code activeByDefault} (Maven's
   * rule: activeByDefault profiles step back as soon as another profile of the same source is active).
   * Other activations (property, JDK, OS, file) are not evaluated this early.
   */
  static List<Profile> activeSettingsProfiles(MavenExecutionRequest request) {
    List<Profile> all = request.getProfiles();
    if (all == null || all.isEmpty()) {
      return Collections.emptyList();
    }
    List<String> active = request.getActiveProfiles() == null ? Collections.<String>emptyList()
        : request.getActiveProfiles();
    List<String> inactive = request.getInactiveProfiles() == null ? Collections.<String>emptyList()
        : request.getInactiveProfiles();
    List<Profile> explicit = new ArrayList<>();
    List<Profile> byDefault = new ArrayList<>();
    for (Profile p : all) {
      if (p == null || inactive.contains(p.getId())) {
        continue;
      }
      if (active.contains(p.getId())) {
        explicit.add(p);
      } else if (p.getActivation() != null && p.getActivation().isActiveByDefault()) {
        byDefault.add(p);
      }
    }
    return explicit.isEmpty() ? byDefault : explicit;
  }

  /**
   * Every repository the build may use before the lifecycle, by the id whose {@code <server>} Maven will
   * pick: settings mirrors (their own URL counts), the request's repositories (settings profiles, central),
   * repositories of active settings profiles, and the root POM's repositories, plugin repositories and
   * distribution repositories. A repository matched by a mirror is listed as that mirror.
   */
  public static List<TokenPlanner.Repository> repositories(MavenExecutionRequest request, BuildLog log) {
    Map<String, TokenPlanner.Repository> byIdAndUrl = new LinkedHashMap<>();
    List<Mirrors.Mirror> mirrors = new ArrayList<>();
    for (Mirror m : request.getMirrors()) {
      if (m != null && m.getId() != null && m.getUrl() != null) {
        mirrors.add(new Mirrors.Mirror(m.getId(), m.getUrl(), m.getMirrorOf()));
        add(byIdAndUrl, m.getId(), m.getUrl());
      }
    }
    for (List<ArtifactRepository> list : lists(request.getRemoteRepositories(), request.getPluginArtifactRepositories())) {
      for (ArtifactRepository r : list) {
        if (r != null) {
          addMirrored(byIdAndUrl, r.getId(), r.getUrl(), mirrors);
        }
      }
    }
    for (Profile p : activeSettingsProfiles(request)) {
      for (Repository r : p.getRepositories()) {
        addMirrored(byIdAndUrl, r.getId(), r.getUrl(), mirrors);
      }
      for (Repository r : p.getPluginRepositories()) {
        addMirrored(byIdAndUrl, r.getId(), r.getUrl(), mirrors);
      }
    }
    Model pom = readPom(rootPom(request), log);
    if (pom != null) { // its own repositories only: not its profiles', not its parent's
      for (Repository r : pom.getRepositories()) {
        addMirrored(byIdAndUrl, pomId(r), pomUrl(r), mirrors);
      }
      for (Repository r : pom.getPluginRepositories()) {
        addMirrored(byIdAndUrl, pomId(r), pomUrl(r), mirrors);
      }
      DistributionManagement dm = pom.getDistributionManagement();
      if (dm != null) { // Maven applies no mirror to deployment
        for (RepositoryBase r : new RepositoryBase[] {dm.getRepository(), dm.getSnapshotRepository()}) {
          if (r != null) {
            add(byIdAndUrl, pomId(r), pomUrl(r));
          }
        }
      }
    }
    return new ArrayList<>(byIdAndUrl.values());
  }

  /**
   * The POM as written (nothing interpolated), or null when it is missing or unreadable: Maven reports that
   * itself a moment later, in its own words. Read with Maven's own reader, which Maven has already loaded
   * and run for the extension's POM: the JDK's XML parser cost the core extension ~30 ms of class loading
   * per build. The reader fetches no DTD and no external entity (an entity it does not know fails the read),
   * and Maven reads this same file with it right after.
   */
  static Model readPom(Path pom, BuildLog log) {
    if (pom == null || !Files.isRegularFile(pom)) {
      return null;
    }
    try (InputStream in = Files.newInputStream(pom)) {
      return new MavenXpp3Reader().read(in, false);
    } catch (Exception e) { // IOException, the parser's exception (whose class differs between Maven 3 and 4)
      log.debug("Could not read the repositories of " + pom + ": " + e.getClass().getSimpleName());
      return null;
    }
  }

  /** A POM repository's id; null when blank or holding an unresolved {@code ${...}} (nothing interpolates yet). */
  private static String pomId(RepositoryBase r) {
    String id = r.getId();
    return id == null || id.trim().isEmpty() || id.contains("${") ? null : id.trim();
  }

  private static String pomUrl(RepositoryBase r) {
    String url = r.getUrl();
    return url == null || url.trim().isEmpty() ? null : url.trim();
  }

  /** {@code -f} or the POM of the current directory; else the top of the multi-module project. */
  static Path rootPom(MavenExecutionRequest request) {
    File pom = request.getPom();
    if (pom != null && pom.isFile()) {
      return pom.toPath();
    }
    if (pom != null && pom.isDirectory()) {
      return new File(pom, "pom.xml").toPath();
    }
    File base = request.getBaseDirectory() != null ? new File(request.getBaseDirectory()) : null;
    if (base != null && new File(base, "pom.xml").isFile()) {
      return new File(base, "pom.xml").toPath();
    }
    File top = request.getMultiModuleProjectDirectory();
    return top == null ? null : new File(top, "pom.xml").toPath();
  }

  @SafeVarargs
  private static List<List<ArtifactRepository>> lists(List<ArtifactRepository>... lists) {
    List<List<ArtifactRepository>> out = new ArrayList<>();
    for (List<ArtifactRepository> l : lists) {
      if (l != null) {
        out.add(l);
      }
    }
    return out;
  }

  private static void addMirrored(Map<String, TokenPlanner.Repository> into, String id, String url,
      List<Mirrors.Mirror> mirrors) {
    Mirrors.Mirror m = Mirrors.select(id, url, mirrors);
    if (m != null) {
      add(into, m.id(), m.url());
    } else {
      add(into, id, url);
    }
  }

  private static void add(Map<String, TokenPlanner.Repository> into, String id, String url) {
    if (id != null && url != null && !url.contains("${")) {
      into.putIfAbsent(id + "\n" + url, new TokenPlanner.Repository(id, url));
    }
  }
}
