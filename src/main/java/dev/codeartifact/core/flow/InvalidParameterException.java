package dev.codeartifact.core.flow;

/**
 * A configuration value that cannot be used. Carries the parameter's name, the rejected value and what
 * is allowed, so each front end can word one line in its own terms. Never constructed with a token.
 */
public final class InvalidParameterException extends CodeArtifactException {
  private static final long serialVersionUID = 1L;

  private final String parameter;
  private final String value;
  private final String allowed;

  public InvalidParameterException(String parameter, String value, String allowed) {
    super(Kind.INVALID_PARAMETER, "Invalid " + parameter + " '" + value + "': " + allowed);
    this.parameter = parameter;
    this.value = value;
    this.allowed = allowed;
  }

  public String parameter() {
    return parameter;
  }

  public String value() {
    return value;
  }

  public String allowed() {
    return allowed;
  }
}
