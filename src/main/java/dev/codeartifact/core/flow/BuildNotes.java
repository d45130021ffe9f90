package dev.codeartifact.core.flow;

import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.core.util.Digests;
import java.time.Instant;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * What one build remembers between its entry points: which token each server got (so the build extension
 * and the goal do not fetch again what the core extension applied), which one-per-build lines were already
 * printed, and the core extension's failure for the participant to throw. The Maven side keeps the map in
 * the build's own request, so it ends with the build; it holds only JDK types (the entry points run in
 * different class realms) and nothing secret: a token appears as a 12-character hash, the token itself stays
 * in the {@code <server>} entry.
 */
public final class BuildNotes {
  private static final String APPLIED = "applied:";
  private static final String ONCE = "once:";
  private static final String FAILURE = "failure";

  private final ConcurrentMap<String, String> notes;

  /** @param notes the build's map; the same instance for every entry point of one build */
  public BuildNotes(ConcurrentMap<String, String> notes) {
    this.notes = notes;
  }

  /**
   * The lock the flow fetches and applies under: the same object for every realm of the build, so one
   * build asks once per token however many modules ({@code -T}) and entry points want it.
   */
  public Object lock() {
    return notes;
  }

  /** True the first time {@code what} is noted in this build: for lines that must appear once per build. */
  public boolean firstTime(String what) {
    return notes.putIfAbsent(ONCE + hash(what, 16), "") == null;
  }

  /** Whether {@link #firstTime} already saw {@code what} in this build. */
  public boolean seen(String what) {
    return notes.containsKey(ONCE + hash(what, 16));
  }

  /** Notes that {@code servers} carry {@code token} for {@code request}. */
  public void applied(TokenRequest request, Iterable<String> servers, AuthorizationToken token) {
    String note = hash(request.toString(), 16) + ":" + hash(token.secret(), 12) + ":"
        + token.expiration().getEpochSecond() + ":"
        + (token.fetchedAt() == null ? "" : String.valueOf(token.fetchedAt().getEpochSecond())) + ":"
        + token.origin().name();
    for (String id : servers) {
      notes.put(APPLIED + id, note);
    }
  }

  /**
   * The token this build applied for {@code request} to one of {@code servers} that still carries it
   * ({@code passwordOf}: the server's current password, or null), if it is still usable at {@code now} by
   * the one margin rule; else null.
   */
  public AuthorizationToken applied(TokenRequest request, Iterable<String> servers,
      Function<String, String> passwordOf, Instant now) {
    String requestHash = hash(request.toString(), 16);
    for (String id : servers) {
      String note = notes.get(APPLIED + id);
      String password = passwordOf.apply(id);
      if (note == null || password == null || password.isEmpty()) {
        continue;
      }
      String[] parts = note.split(":", -1);
      if (parts.length != 5 || !parts[0].equals(requestHash) || !parts[1].equals(hash(password, 12))) {
        continue;
      }
      Instant fetchedAt = parts[3].isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(parts[3]));
      AuthorizationToken token = new AuthorizationToken(password, Instant.ofEpochSecond(Long.parseLong(parts[2])))
          .from(AuthorizationToken.Origin.valueOf(parts[4]), fetchedAt);
      return token.isUsableAt(now) ? token : null;
    }
    return null;
  }

  /** True when {@code password} is the token this build applied to server {@code id} (not the user's own). */
  public boolean isOurs(String id, String password) {
    String note = notes.get(APPLIED + id);
    if (note == null || password == null) {
      return false;
    }
    String[] parts = note.split(":", -1);
    return parts.length == 5 && parts[1].equals(hash(password, 12));
  }

  /** Keeps the core extension's failure (one line) for the first hook that can stop the build. */
  public void failure(String message) {
    notes.put(FAILURE, message);
  }

  /** The failure kept by {@link #failure(String)}, or null. */
  public String failure() {
    return notes.get(FAILURE);
  }

  private static String hash(String s, int hexChars) {
    return Digests.sha256Hex(s).substring(0, hexChars);
  }

  @Override
  public String toString() {
    return "BuildNotes[" + notes.size() + " notes]";
  }
}
