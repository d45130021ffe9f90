package dev.codeartifact.maven;

import dev.codeartifact.core.InvalidParameterException;

/** Words core errors in Maven's terms: both the POM element and the user property. */
final class ErrorMessages {
  private ErrorMessages() {}

  static String forPom(InvalidParameterException e) {
    String property = e.parameter();
    String element = property.startsWith("codeartifact.") ? property.substring("codeartifact.".length()) : property;
    return "Invalid <" + element + "> (" + property + ") '" + e.value() + "': " + e.allowed();
  }
}
