package dev.codeartifact.maven.decrypt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.eventspy.AbstractEventSpy;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.settings.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes CodeArtifact passwords in settings.xml decryptable before Maven decrypts them, or says in one line
 * why Maven will not. Fires on the {@link MavenExecutionRequest} event, which Maven's CLI sends before it
 * creates the repository session (where Maven 3 decrypts servers) and after Maven 4 has decrypted them.
 * <ul>
 *   <li>Maven 3: creates the empty {@code settings-security.xml} Maven needs to decrypt anything
 *       ({@link SecurityFile}); warns about a password Maven 3 would not hand to us (no {@code type}).
 *   <li>Maven 4: a password still in our form was not decrypted (Maven 4 stops the build when a password it
 *       recognises fails, so this is one without {@code name} and {@code version}): warns.
 * </ul>
 */
@Named
@Singleton
public class DecryptSupportSpy extends AbstractEventSpy {
  private static final Logger LOG = LoggerFactory.getLogger(DecryptSupportSpy.class);

  @Override
  public void onEvent(Object event) {
    if (event instanceof MavenExecutionRequest) {
      check((MavenExecutionRequest) event, DecryptLogin.isMaven4());
    }
  }

  void check(MavenExecutionRequest request, boolean maven4) {
    List<String> typed = new ArrayList<>();
    List<String> untyped = new ArrayList<>();
    for (Server s : request.getServers()) {
      if (PasswordForm.isCodeArtifactForm(s.getPassword())) {
        (s.getPassword().contains("type=" + PasswordForm.NAME) ? typed : untyped).add(s.getId());
      }
    }
    if (maven4) {
      for (String id : typed) {
        LOG.warn("Server " + id + ": Maven 4 did not decrypt its CodeArtifact password: Maven 4 needs "
            + PasswordForm.ANY_MAVEN_PREFIX + "...} and this plugin's jar in lib/ext or -Dmaven.ext.class.path");
      }
      return;
    }
    for (String id : untyped) {
      LOG.warn("Server " + id + ": Maven 3 does not decrypt its CodeArtifact password without type=codeartifact:"
          + " write " + PasswordForm.ANY_MAVEN_PREFIX + "...}");
    }
    if (typed.isEmpty()) {
      return;
    }
    try {
      Path created = SecurityFile.ensure();
      if (created != null) {
        LOG.info(SecurityFile.createdLine(created));
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot create " + SecurityFile.location() + " (" + e + "): Maven 3 will not decrypt the CodeArtifact"
          + " passwords of servers " + String.join(", ", typed) + "; create it containing <settingsSecurity/>");
    }
  }
}
