package dev.codeartifact.core.flow;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The few log levels the core needs; each front end (mojo, lifecycle participant, core extension)
 * adapts its own logger. Never pass a token to any of these.
 */
public interface BuildLog {
  void info(String message);

  void warn(String message);

  void debug(String message);

  boolean isDebugEnabled();

  /** A log from its four operations, so each adapter (Maven's loggers, a test's recorder) says only where lines go. */
  static BuildLog of(Consumer<String> info, Consumer<String> warn, Consumer<String> debug,
      BooleanSupplier debugEnabled) {
    return new BuildLog() {
      @Override
      public void info(String message) {
        info.accept(message);
      }

      @Override
      public void warn(String message) {
        warn.accept(message);
      }

      @Override
      public void debug(String message) {
        debug.accept(message);
      }

      @Override
      public boolean isDebugEnabled() {
        return debugEnabled.getAsBoolean();
      }
    };
  }
}
