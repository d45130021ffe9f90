package dev.codeartifact.maven.decrypt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import org.codehaus.plexus.components.secdispatcher.Dispatcher;
import org.codehaus.plexus.components.secdispatcher.SecDispatcherException;
import org.junit.jupiter.api.Test;
import org.sonatype.plexus.components.sec.dispatcher.PasswordDecryptor;

/** Each Maven's decrypter turns a failure into the exception its sec-dispatcher expects, with the one line. */
class DecryptersTest {
  private static final String LINE = "Invalid CodeArtifact password {[...]domain=d1,colour=blue} in settings.xml:"
      + " 'colour' is not a key; allowed: ";

  @Test
  void maven3() {
    PasswordDecryptor d = new CodeArtifactPasswordDecryptor();
    org.sonatype.plexus.components.sec.dispatcher.SecDispatcherException e = assertThrows(
        org.sonatype.plexus.components.sec.dispatcher.SecDispatcherException.class,
        () -> d.decrypt("domain=d1,colour=blue", Collections.emptyMap(), null));
    assertTrue(e.getMessage().startsWith(LINE), e.getMessage());
  }

  @Test
  void maven4() {
    Dispatcher d = new CodeArtifactDispatcher();
    SecDispatcherException e = assertThrows(SecDispatcherException.class,
        () -> d.decrypt("domain=d1,colour=blue", Collections.emptyMap(), Collections.emptyMap()));
    assertTrue(e.getMessage().startsWith(LINE), e.getMessage());
    assertTrue(d.validateConfiguration(Collections.emptyMap()).isValid());
    e = assertThrows(SecDispatcherException.class,
        () -> d.encrypt("secret", Collections.emptyMap(), Collections.emptyMap()));
    assertEquals("CodeArtifact passwords are not encrypted: write {[type=codeartifact,name=codeartifact,version=1]"
        + "domain=my-domain} yourself, or run mvn codeartifact:login -Dcodeartifact.passwordForm=decrypt", e.getMessage());
  }
}
