package dev.codeartifact.core.cache;

import dev.codeartifact.core.flow.BuildLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every line, prefixed with its level. */
final class RecordingLog implements BuildLog {
  final List<String> lines = Collections.synchronizedList(new ArrayList<String>());

  @Override
  public void info(String message) {
    lines.add("INFO " + message);
  }

  @Override
  public void warn(String message) {
    lines.add("WARN " + message);
  }

  @Override
  public void debug(String message) {
    lines.add("DEBUG " + message);
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  int count(String level) {
    int n = 0;
    synchronized (lines) {
      for (String l : lines) {
        if (l.startsWith(level + " ")) {
          n++;
        }
      }
    }
    return n;
  }

  String all() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }
}
