package dev.codeartifact.core.flow;

import dev.codeartifact.core.settings.SettingsEditor;
import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.core.util.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the {@code login} goal does once {@link LoginPlan} has said which servers get which token: fetch the
 * tokens through {@link TokenFlow#fetch}, write them into the settings file, and say what changed; or take
 * the plugin's entries out again. The goal only finds the file and the build's repositories.
 */
public final class Login {
  private Login() {}

  /**
   * Fetches the plan's tokens and writes them. A failure the user tolerates ({@code failOnError=false})
   * leaves that token's servers as they are, with one WARN line.
   */
  public static void write(Path file, LoginPlan plan, Parameters parameters, BuildLog log)
      throws CodeArtifactException {
    TokenFlow.Outcome outcome = new TokenFlow(log).fetch(parameters, p -> plan.tokens(), false);
    if (outcome.status() == TokenFlow.Outcome.Status.FAILED) {
      throw outcome.failure();
    }
    Map<String, String> passwords = new LinkedHashMap<>();
    Instant expiration = null;
    for (Map.Entry<TokenRequest, Set<String>> e : plan.tokens().entrySet()) {
      AuthorizationToken token = outcome.tokens().get(e.getKey());
      if (token == null) {
        log.warn(outcome.tolerated().get(e.getKey()).getMessage() + " (codeartifact.failOnError=false: "
            + String.join(", ", e.getValue()) + " left as they are)");
        continue;
      }
      for (String id : e.getValue()) {
        passwords.put(id, token.secret());
      }
      if (expiration == null || token.expiration().isBefore(expiration)) {
        expiration = token.expiration();
      }
    }
    if (passwords.isEmpty()) {
      return;
    }
    SettingsEditor.Result r = SettingsEditor.login(file, passwords, SettingsEditor.DEFAULT_USERNAME, expiration);
    List<String> described = new ArrayList<>();
    for (String id : r.added()) {
      described.add(id + " (added)");
    }
    for (String id : r.updated()) {
      described.add(id + " (updated)");
    }
    String expires = expiration.truncatedTo(ChronoUnit.SECONDS) + " (in "
        + Durations.hoursMinutes(Duration.between(Instant.now(), expiration)) + ")";
    if (!r.changed()) {
      log.info("CodeArtifact servers " + String.join(", ", passwords.keySet()) + " in " + r.file()
          + " already hold the current token; it expires " + expires);
    } else {
      log.info("CodeArtifact token written to servers " + String.join(", ", described) + " in " + r.file()
          + "; it expires " + expires + ". The file holds this secret until then (remove it with"
          + " mvn codeartifact:login -Dcodeartifact.remove=true)");
    }
    warnUnmanaged(r, log);
  }

  /** Warns about servers the write replaced though this plugin had not written them. */
  public static void warnUnmanaged(SettingsEditor.Result r, BuildLog log) {
    for (String id : r.unmanaged()) {
      log.warn("Server " + id + " in " + r.file() + " was not written by this plugin: its username and"
          + " password were replaced, and codeartifact.remove will leave it in place");
    }
    if (r.backup() != null) {
      log.debug("Previous settings saved as " + r.backup());
    }
  }

  /** Takes out the entries this plugin wrote ({@code ids}, or all of them when empty); leaves the user's own. */
  public static void remove(Path file, Set<String> ids, BuildLog log) throws CodeArtifactException {
    SettingsEditor.Result r = SettingsEditor.logout(file, new LinkedHashSet<>(ids));
    if (r.removed().isEmpty()) {
      log.info("No CodeArtifact server entries of this plugin" + (ids.isEmpty() ? "" : " for " + String.join(", ", ids))
          + " in " + r.file() + ": nothing removed");
    } else {
      log.info("Removed CodeArtifact servers " + String.join(", ", r.removed()) + " from " + r.file());
    }
    for (String id : r.unmanaged()) {
      log.warn("Server " + id + " in " + r.file() + " was not written by this plugin: left in place");
    }
  }
}
