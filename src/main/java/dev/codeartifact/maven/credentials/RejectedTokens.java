package dev.codeartifact.maven.credentials;

import dev.codeartifact.core.cache.CachedToken;
import dev.codeartifact.core.cache.DiskTokenCache;
import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.BuildNotes;
import dev.codeartifact.core.token.TokenSources;
import dev.codeartifact.core.util.IsoInstants;
import dev.codeartifact.maven.build.MavenBuild;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Server;

/**
 * After a failed build: when a repository answered 401 to a server carrying a CodeArtifact token from the
 * disk cache (revoked since, or cached under a key that no longer fits), the token leaves the cache and the
 * user reads why, so the next build fetches a new one instead of failing the same way for up to 12 hours.
 */
public final class RejectedTokens {
  /** Maven Resolver's transfer errors name the repository: "... from/to ID (URL): ...". */
  private static final Pattern REPOSITORY = Pattern.compile("from/to (\\S+) \\(");
  /**
   * HTTP 401 as each transport words it on that same line: "status code: 401" (native, Maven 3.9),
   * "HTTP Status: 401" (Maven 4), "Authentication failed for URL 401 Unauthorized" (Wagon), "too many
   * authentication attempts" (the JDK's HTTP client, Maven 4, after repeated 401s).
   */
  private static final Pattern UNAUTHORIZED = Pattern.compile("(?i)status(?: code)?: 401\\b|\\b401 unauthori[sz]ed"
      + "|unauthori[sz]ed \\(401\\)|not authori[sz]ed|authentication failed for|too many authentication attempts");

  /**
   * Maven 3.10 reports a POM download that failed earlier in the build only as "Artifact descriptor resolution
   * of G:A:EXT:V already failed in this session", without the status; the resolver's tracking file beside
   * that POM in the local repository still holds the transfer error of each repository.
   */
  private static final Pattern FAILED_IN_SESSION =
      Pattern.compile("descriptor resolution of (\\S+) already failed in this session");

  private RejectedTokens() {}

  /** What the build's failures say: the ids of repositories that answered 401. */
  static Set<String> unauthorizedRepositories(List<Throwable> failures) {
    return unauthorizedRepositories(failures, null);
  }

  /** As above; with {@code localRepository}, also from the tracking files of POMs Maven 3.10 names. */
  public static Set<String> unauthorizedRepositories(List<Throwable> failures, File localRepository) {
    Set<String> ids = new LinkedHashSet<>();
    Set<String> tracked = new HashSet<>();
    if (failures == null) {
      return ids;
    }
    for (Throwable failure : failures) {
      Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<Throwable, Boolean>());
      for (Throwable t = failure; t != null && seen.add(t) && seen.size() < 50; t = t.getCause()) {
        String message = t.getMessage();
        if (message == null) {
          continue;
        }
        for (String line : message.split("\n")) {
          addUnauthorized(line, ids);
          Matcher failed = FAILED_IN_SESSION.matcher(line);
          while (localRepository != null && failed.find()) {
            if (tracked.add(failed.group(1))) {
              for (String error : trackedErrors(localRepository, failed.group(1))) {
                addUnauthorized(error, ids);
              }
            }
          }
        }
      }
    }
    return ids;
  }

  private static void addUnauthorized(String line, Set<String> ids) {
    if (UNAUTHORIZED.matcher(line).find()) {
      Matcher m = REPOSITORY.matcher(line);
      while (m.find()) {
        ids.add(m.group(1));
      }
    }
  }

  /** The transfer errors recorded beside the POM of {@code coordinates} (G:A:EXT[:CLASSIFIER]:V), if any. */
  private static List<String> trackedErrors(File localRepository, String coordinates) {
    String[] gav = coordinates.split(":");
    List<String> errors = new ArrayList<>();
    if (gav.length < 4) {
      return errors;
    }
    String artifactId = gav[1];
    String version = gav[gav.length - 1];
    File tracking = new File(localRepository, gav[0].replace('.', '/') + "/" + artifactId + "/" + version + "/"
        + artifactId + "-" + version + ".pom.lastUpdated");
    Properties p = new Properties();
    try (InputStream in = new FileInputStream(tracking)) {
      p.load(in);
    } catch (IOException | RuntimeException e) {
      return errors;
    }
    for (String key : p.stringPropertyNames()) {
      if (key.endsWith(".error")) {
        errors.add(p.getProperty(key));
      }
    }
    return errors;
  }

  /**
   * Removes from the cache in {@code cacheDir} (null: cache off) the token of each server of {@code rejected}
   * that carries one of ours, and explains it once per build; {@code fromEnvironment}: the build's tokens
   * came from {@code CODEARTIFACT_AUTH_TOKEN}.
   */
  public static void forget(MavenSession session, Set<String> rejected, Path cacheDir, boolean fromEnvironment,
      BuildLog log) {
    DiskTokenCache cache = null;
    Instant buildStart = session.getRequest().getStartTime() == null
        ? Instant.EPOCH : session.getRequest().getStartTime().toInstant();
    BuildNotes notes = MavenBuild.notes(session.getRequest());
    for (String id : rejected) {
      Server server = MavenBuild.server(session.getRequest(), id);
      if (server == null || !notes.isOurs(id, server.getPassword()) || !notes.firstTime("rejected " + id)) {
        continue;
      }
      if (cache == null && cacheDir != null) {
        cache = new DiskTokenCache(cacheDir, Clock.systemUTC(), log);
      }
      CachedToken forgotten = cache == null ? null : cache.forget(server.getPassword());
      if (forgotten != null && forgotten.fetchedAt().isBefore(buildStart)) {
        log.warn("Repository " + id + " rejected (HTTP 401) the CodeArtifact token this build took from the"
            + " token cache (fetched " + IsoInstants.seconds(forgotten.fetchedAt()) + "): it may have been revoked."
            + " It is removed from the cache, so the next build fetches a new one; -Dcodeartifact.cache=false"
            + " skips the cache, mvn codeartifact:purge empties it");
      } else if (fromEnvironment) {
        log.warn("Repository " + id + " rejected (HTTP 401) the CodeArtifact token from " + TokenSources.ENV_TOKEN
            + " (codeartifact.tokenFromEnvironment=true): it may have expired, or have been issued for another"
            + " domain; unset it or set codeartifact.tokenFromEnvironment=false to let the plugin fetch one");
      } else {
        log.warn("Repository " + id + " rejected (HTTP 401) the CodeArtifact token this build gave it: check"
            + " that its URL names the token's domain and domain owner (codeartifact.domain,"
            + " codeartifact.domainOwner)");
      }
    }
  }
}
