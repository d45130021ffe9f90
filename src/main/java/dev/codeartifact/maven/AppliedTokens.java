package dev.codeartifact.maven;

import dev.codeartifact.core.AuthorizationToken;
import dev.codeartifact.core.Digests;
import dev.codeartifact.core.TokenRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.settings.Server;

/**
 * Lets entry points loaded in different class realms of one build (core extension, build extension,
 * plugin) see that a server already carries a token, so they make no second request. The token itself
 * stays only in the {@code <server>} entry; the shared note holds a hash of the request, a short hash of
 * the token (to tell ours from a password the user set) and the expiry. Nothing in it is secret.
 */
final class AppliedTokens {
  private static final String PROPERTY = "dev.codeartifact.applied";
  private static final String ONCE_PROPERTY = "dev.codeartifact.once";

  private AppliedTokens() {}

  static synchronized void record(TokenRequest request, Iterable<String> serverIds, AuthorizationToken token) {
    Map<String, String> notes = read();
    String note = hash(request.toString(), 16) + ":" + hash(token.secret(), 12) + ":"
        + token.expiration().getEpochSecond();
    for (String id : serverIds) {
      notes.put(id, note);
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : notes.entrySet()) {
      sb.append(sb.length() == 0 ? "" : ",").append(e.getKey()).append('=').append(e.getValue());
    }
    System.setProperty(PROPERTY, sb.toString());
  }

  /** The token a server of {@code request} already carries for {@code tokenRequest}, or null. */
  static synchronized AuthorizationToken lookup(MavenExecutionRequest request, TokenRequest tokenRequest,
      Iterable<String> serverIds) {
    Map<String, String> notes = read();
    String requestHash = hash(tokenRequest.toString(), 16);
    for (String id : serverIds) {
      String note = notes.get(id);
      Server server = server(request, id);
      if (note == null || server == null || server.getPassword() == null || server.getPassword().isEmpty()) {
        return null;
      }
      String[] parts = note.split(":");
      if (parts.length != 3 || !parts[0].equals(requestHash) || !parts[1].equals(hash(server.getPassword(), 12))) {
        return null;
      }
      try {
        return new AuthorizationToken(server.getPassword(), Instant.ofEpochSecond(Long.parseLong(parts[2])));
      } catch (RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  /** True when the server's password is one we set (so it is not the user's own fixed password). */
  static synchronized boolean isOurs(Server server) {
    String note = read().get(server.getId());
    return note != null && server.getPassword() != null
        && note.split(":").length == 3 && note.split(":")[1].equals(hash(server.getPassword(), 12));
  }

  /**
   * Notes {@code what} for this build (identified by its request object, which every realm shares) and
   * returns true the first time, so a line several entry points would print (offline, a kept password, a
   * tolerated failure) appears once per build. Notes hold a short hash only.
   */
  static synchronized boolean firstInBuild(MavenExecutionRequest request, String what) {
    String note = note(request, what);
    String seen = System.getProperty(ONCE_PROPERTY, "");
    if (Arrays.asList(seen.split(",")).contains(note)) {
      return false;
    }
    System.setProperty(ONCE_PROPERTY, seen.isEmpty() ? note : seen + "," + note);
    return true;
  }

  /** Whether {@link #firstInBuild} already saw {@code what} in this build. */
  static synchronized boolean seenInBuild(MavenExecutionRequest request, String what) {
    return Arrays.asList(System.getProperty(ONCE_PROPERTY, "").split(",")).contains(note(request, what));
  }

  private static String note(MavenExecutionRequest request, String what) {
    return Integer.toHexString(System.identityHashCode(request)) + ":" + hash(what, 12);
  }

  /** Under the request's lock: MavenCredentials adds servers under it while other modules (-T) read. */
  static Server server(MavenExecutionRequest request, String id) {
    synchronized (request) {
      for (Server s : request.getServers()) {
        if (id.equals(s.getId())) {
          return s;
        }
      }
    }
    return null;
  }

  private static Map<String, String> read() {
    Map<String, String> notes = new LinkedHashMap<>();
    String v = System.getProperty(PROPERTY);
    if (v != null) {
      for (String entry : v.split(",")) {
        int eq = entry.indexOf('=');
        if (eq > 0) {
          notes.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
      }
    }
    return notes;
  }

  private static String hash(String s, int hexChars) {
    return Digests.sha256Hex(s).substring(0, hexChars);
  }
}
