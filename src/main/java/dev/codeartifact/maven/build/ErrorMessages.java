package dev.codeartifact.maven.build;

import dev.codeartifact.core.flow.InvalidParameterException;

/** Words core errors in Maven's terms: both the POM element and the user property. */
public final class ErrorMessages {
  private ErrorMessages() {}

  public static String forPom(InvalidParameterException e) {
    String property = e.parameter();
    String element = property.startsWith("codeartifact.") ? property.substring("codeartifact.".length()) : property;
    return "Invalid <" + element + "> (" + property + ") '" + e.value() + "': " + e.allowed();
  }
}
