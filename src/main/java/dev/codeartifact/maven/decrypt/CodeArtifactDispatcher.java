package dev.codeartifact.maven.decrypt;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;
import org.codehaus.plexus.components.secdispatcher.Dispatcher;
import org.codehaus.plexus.components.secdispatcher.SecDispatcher;
import org.codehaus.plexus.components.secdispatcher.SecDispatcherException;

/**
 * Maven 4's decrypter for {@code {[name=codeartifact,version=1,...]...}} passwords (plexus-sec-dispatcher
 * 4.x). Maven 4 decrypts the settings while it builds them, before it reads {@code .mvn/extensions.xml}:
 * only a jar in its core class path ({@code lib/ext}, {@code -Dmaven.ext.class.path}) is there in time.
 * A separate class from the Maven 3 decrypter because each implements an interface the other Maven lacks.
 */
@Named(PasswordForm.NAME)
@Singleton
public class CodeArtifactDispatcher implements Dispatcher {
  @Override
  public String decrypt(String str, Map<String, String> attributes, Map<String, String> config) {
    try {
      return CodeArtifactPasswords.decrypt(str);
    } catch (IllegalStateException e) {
      // Maven 4 stops the build with this message ("Could not decrypt password ...").
      throw new SecDispatcherException(e.getMessage());
    }
  }

  @Override
  public EncryptPayload encrypt(String str, Map<String, String> attributes, Map<String, String> config) {
    throw new SecDispatcherException("CodeArtifact passwords are not encrypted: write "
        + PasswordForm.ANY_MAVEN_PREFIX + "domain=my-domain} yourself, or run mvn codeartifact:login"
        + " -Dcodeartifact.passwordForm=decrypt");
  }

  @Override
  public SecDispatcher.ValidationResponse validateConfiguration(Map<String, String> config) {
    return new SecDispatcher.ValidationResponse(getClass().getSimpleName(), true,
        Collections.<SecDispatcher.ValidationResponse.Level, List<String>>emptyMap(),
        Collections.<SecDispatcher.ValidationResponse>emptyList());
  }
}
