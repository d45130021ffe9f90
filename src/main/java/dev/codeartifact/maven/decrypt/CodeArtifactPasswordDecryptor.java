package dev.codeartifact.maven.decrypt;

import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;
import org.sonatype.plexus.components.sec.dispatcher.PasswordDecryptor;
import org.sonatype.plexus.components.sec.dispatcher.SecDispatcherException;

/**
 * Maven 3's decrypter for {@code {[type=codeartifact]...}} passwords: plexus-sec-dispatcher (1.4 in Maven
 * 3.6.3, 2.0 from 3.8 on; same interface) hands it the text after {@code ]} when Maven decrypts the
 * settings' servers, which it does each time it creates a repository session. Found by its name in the
 * dispatcher's map of {@link PasswordDecryptor}s, so the plugin must be a core extension
 * ({@code .mvn/extensions.xml}, {@code lib/ext} or {@code -Dmaven.ext.class.path}).
 *
 * <p>Holds no state: every call asks the shared token service, which serves the build's token from memory
 * and renews it past its margin (a daemon or IDE creating sessions for hours gets fresh tokens).
 */
@Named(PasswordForm.NAME)
@Singleton
public class CodeArtifactPasswordDecryptor implements PasswordDecryptor {
  @Override
  @SuppressWarnings("rawtypes")
  public String decrypt(String str, Map attributes, Map config) throws SecDispatcherException {
    try {
      return CodeArtifactPasswords.decrypt(str);
    } catch (IllegalStateException e) {
      // Already logged; Maven 3 records this at debug level only and sends the password as written.
      throw new SecDispatcherException(e.getMessage());
    }
  }
}
