package dev.codeartifact.core;

/**
 * Base of every failure this plugin reports. The message is a single user-facing line that says what
 * to do; it never contains a token.
 */
public class CodeArtifactException extends Exception {
  private static final long serialVersionUID = 1L;

  public CodeArtifactException(String message) {
    super(message);
  }

  public CodeArtifactException(String message, Throwable cause) {
    super(message, cause);
  }
}
