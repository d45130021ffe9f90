package dev.codeartifact.maven;

import dev.codeartifact.core.BuildLog;
import org.apache.maven.plugin.logging.Log;
import org.slf4j.Logger;

/** Adapts Maven's loggers to the core's {@link BuildLog}. */
final class MavenLogs {
  private MavenLogs() {}

  static BuildLog of(final Log log) {
    return new BuildLog() {
      @Override
      public void info(String message) {
        log.info(message);
      }

      @Override
      public void warn(String message) {
        log.warn(message);
      }

      @Override
      public void debug(String message) {
        log.debug(message);
      }

      @Override
      public boolean isDebugEnabled() {
        return log.isDebugEnabled();
      }
    };
  }

  static BuildLog of(final Logger log) {
    return new BuildLog() {
      @Override
      public void info(String message) {
        log.info(message);
      }

      @Override
      public void warn(String message) {
        log.warn(message);
      }

      @Override
      public void debug(String message) {
        log.debug(message);
      }

      @Override
      public boolean isDebugEnabled() {
        return log.isDebugEnabled();
      }
    };
  }
}
