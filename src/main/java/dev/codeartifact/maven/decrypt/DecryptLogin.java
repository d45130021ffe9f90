package dev.codeartifact.maven.decrypt;

import dev.codeartifact.core.flow.InvalidParameterException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * What the {@code login} goal needs for {@code -Dcodeartifact.passwordForm=decrypt}: the password to write
 * instead of a token (no secret, valid until the user changes the domain), and the lines that tell the
 * user what Maven needs to turn it into a token.
 */
public final class DecryptLogin {
  public static final String PROPERTY = "codeartifact.passwordForm";
  static final String TOKEN = "token";
  static final String DECRYPT = "decrypt";

  private DecryptLogin() {}

  /** Whether {@code value} (null: the default, {@code token}) asks for the decrypt form. */
  public static boolean isDecryptForm(String value) throws InvalidParameterException {
    String v = value == null ? TOKEN : value.trim();
    if (v.isEmpty() || v.equals(TOKEN)) {
      return false;
    }
    if (v.equals(DECRYPT)) {
      return true;
    }
    throw new InvalidParameterException(PROPERTY, v, "token (write a token, valid up to 12 hours) or decrypt"
        + " (write a password Maven decrypts into a token in every build: no secret in settings.xml)");
  }

  /**
   * The password for a server: the Maven 3 form when Maven 3 runs the goal (Maven 4 leaves it alone), the
   * form both decrypt when Maven 4 does. Null owner, region or profile are left out.
   */
  public static String password(String domain, String owner, String region, String profile) {
    return PasswordForm.format(domain, owner, region, profile, isMaven4());
  }

  /**
   * Reports what was written and makes Maven 3 able to decrypt it (an empty settings-security.xml when
   * there is none).
   */
  public static void report(Path settings, Collection<String> serverIds, boolean changed, Consumer<String> info) {
    info.accept((changed ? "CodeArtifact password form written to servers " : "CodeArtifact servers ")
        + String.join(", ", serverIds) + " in " + settings + (changed ? "" : " already hold the password form")
        + ": no secret; each build that loads this plugin as a core extension decrypts it into a token ("
        + (isMaven4() ? "Maven 4: the plugin's jar in lib/ext or -Dmaven.ext.class.path, else every build with"
            + " this settings.xml stops"
            : "Maven 3: .mvn/extensions.xml, lib/ext or -Dmaven.ext.class.path; Maven 4 ignores this form")
        + ")");
    try {
      Path created = SecurityFile.ensure();
      if (created != null) {
        info.accept(SecurityFile.createdLine(created));
      }
    } catch (IOException e) {
      info.accept("Cannot create " + SecurityFile.location() + " (" + e + "): create it containing"
          + " <settingsSecurity/>, or Maven 3 will not decrypt these passwords");
    }
  }

  static boolean isMaven4() {
    try {
      Class.forName("org.apache.maven.api.Session", false, DecryptLogin.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
