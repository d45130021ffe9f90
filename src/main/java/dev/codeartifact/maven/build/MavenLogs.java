package dev.codeartifact.maven.build;

import dev.codeartifact.core.flow.BuildLog;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.maven.plugin.logging.Log;
import org.slf4j.Logger;

/**
 * Adapts Maven's loggers (a mojo's {@link Log}, an extension's SLF4J {@link Logger}) to the core's
 * {@link BuildLog}.
 */
public final class MavenLogs {
  private MavenLogs() {}

  public static BuildLog of(Log log) {
    return adapter(log::info, log::warn, log::debug, log::isDebugEnabled);
  }

  public static BuildLog of(Logger log) {
    return adapter(log::info, log::warn, log::debug, log::isDebugEnabled);
  }

  private static BuildLog adapter(Consumer<String> info, Consumer<String> warn, Consumer<String> debug,
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
