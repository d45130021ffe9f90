package dev.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.codeartifact.core.flow.BuildLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every line, debug enabled, so tests can check wording and that no secret is logged. */
public final class RecordingLog implements BuildLog {
  public final List<String> infos = Collections.synchronizedList(new ArrayList<>());
  public final List<String> warns = Collections.synchronizedList(new ArrayList<>());
  public final List<String> debugs = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void info(String message) {
    infos.add(message);
  }

  @Override
  public void warn(String message) {
    warns.add(message);
  }

  @Override
  public void debug(String message) {
    debugs.add(message);
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  public List<String> all() {
    List<String> all = new ArrayList<>();
    synchronized (infos) {
      all.addAll(infos);
    }
    synchronized (warns) {
      all.addAll(warns);
    }
    synchronized (debugs) {
      all.addAll(debugs);
    }
    return all;
  }

  public void assertNoSecret(String... secrets) {
    for (String line : all()) {
      for (String secret : secrets) {
        assertFalse(line.contains(secret), "secret in log line: " + line.replace(secret, "<SECRET>"));
      }
    }
  }
}
