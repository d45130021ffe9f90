package dev.codeartifact.core.flow;

import dev.codeartifact.core.token.AuthorizationToken;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A build without Maven for the flow's tests: servers are a map, the notes live as long as the instance. */
final class FakeBuild implements TokenFlow.Build {
  final BuildNotes notes = new BuildNotes(new ConcurrentHashMap<String, String>());
  final Map<String, AuthorizationToken> tokens = new ConcurrentHashMap<>();
  final Map<String, String> passwords = new ConcurrentHashMap<>();
  boolean offline;

  @Override
  public BuildNotes notes() {
    return notes;
  }

  @Override
  public boolean isOffline() {
    return offline;
  }

  @Override
  public String password(String serverId) {
    return passwords.get(serverId);
  }

  @Override
  public void apply(List<String> serverIds, AuthorizationToken token) {
    for (String id : serverIds) {
      tokens.put(id, token);
      passwords.put(id, token.secret());
    }
  }
}
