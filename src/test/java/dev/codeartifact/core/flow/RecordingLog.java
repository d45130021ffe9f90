package dev.codeartifact.core.flow;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keeps every line the code under test logs, in order, as "LEVEL message", so tests can check wording and
 * that no secret is logged. Pass {@link #buildLog()} to the code under test.
 */
public final class RecordingLog {
  /** A log that drops every line, for tests that check something else. */
  public static final BuildLog SILENT = BuildLog.of(m -> {}, m -> {}, m -> {}, () -> false);

  public final List<String> lines = Collections.synchronizedList(new ArrayList<String>());
  private final BuildLog log;

  /** Debug enabled and kept. */
  public RecordingLog() {
    this(true);
  }

  private RecordingLog(boolean debug) {
    log = BuildLog.of(m -> lines.add("INFO " + m), m -> lines.add("WARN " + m), m -> {
      if (debug) {
        lines.add("DEBUG " + m);
      }
    }, () -> debug);
  }

  /** Debug disabled and its lines dropped: what a user sees at Maven's default level. */
  public static RecordingLog withoutDebug() {
    return new RecordingLog(false);
  }

  public BuildLog buildLog() {
    return log;
  }

  public List<String> infos() {
    return messages("INFO");
  }

  public List<String> warns() {
    return messages("WARN");
  }

  public List<String> debugs() {
    return messages("DEBUG");
  }

  private List<String> messages(String level) {
    List<String> messages = new ArrayList<>();
    synchronized (lines) {
      for (String l : lines) {
        if (l.startsWith(level + " ")) {
          messages.add(l.substring(level.length() + 1));
        }
      }
    }
    return messages;
  }

  /** Every line, one a line, for containment checks and failure messages. */
  public String all() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  public void assertNoSecret(String... secrets) {
    synchronized (lines) {
      for (String line : lines) {
        for (String secret : secrets) {
          assertFalse(line.contains(secret), "secret in log line: " + line.replace(secret, "<SECRET>"));
        }
      }
    }
  }
}
