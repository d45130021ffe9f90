package dev.codeartifact.core.flow;

/**
 * The few log levels the core needs; each front end (mojo, lifecycle participant, core extension)
 * adapts its own logger. Never pass a token to any of these.
 */
public interface BuildLog {
  void info(String message);

  void warn(String message);

  void debug(String message);

  boolean isDebugEnabled();

  BuildLog SILENT = new BuildLog() {
    @Override
    public void info(String message) {}

    @Override
    public void warn(String message) {}

    @Override
    public void debug(String message) {}

    @Override
    public boolean isDebugEnabled() {
      return false;
    }
  };
}
