package dev.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.codeartifact.core.BuildLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every line, debug enabled, so tests can check wording and that no secret is logged. */
final class RecordingLog implements BuildLog {
  final List<String> infos = Collections.synchronizedList(new ArrayList<>());
  final List<String> warns = Collections.synchronizedList(new ArrayList<>());
  final List<String> debugs = Collections.synchronizedList(new ArrayList<>());

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

  List<String> all() {
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

  void assertNoSecret(String... secrets) {
    for (String line : all()) {
      for (String secret : secrets) {
        assertFalse(line.contains(secret), "secret in log line: " + line.replace(secret, "<SECRET>"));
      }
    }
  }
}
