package dev.codeartifact.maven.build;

import dev.codeartifact.core.flow.BuildLog;
import org.apache.maven.plugin.logging.Log;
import org.slf4j.Logger;

/**
 * Adapts Maven's loggers (a mojo's {@link Log}, an extension's SLF4J {@link Logger}) to the core's
 * {@link BuildLog}.
 */
public final class MavenLogs {
  private MavenLogs() {}

  public static BuildLog of(Log log) {
    return BuildLog.of(log::info, log::warn, log::debug, log::isDebugEnabled);
  }

  public static BuildLog of(Logger log) {
    return BuildLog.of(log::info, log::warn, log::debug, log::isDebugEnabled);
  }
}
