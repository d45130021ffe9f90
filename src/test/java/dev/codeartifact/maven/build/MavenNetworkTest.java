package dev.codeartifact.maven.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.codeartifact.core.flow.Configuration;
import dev.codeartifact.core.flow.Parameters;
import dev.codeartifact.core.flow.RecordingLog;
import dev.codeartifact.core.network.ProxySettings;
import dev.codeartifact.maven.CoreExtensionSpy;
import dev.codeartifact.maven.ExtensionParticipant;
import dev.codeartifact.maven.TokenMojo;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;

/** Decryption of Maven proxy passwords for the API call, with a fake decrypter, and its wiring in every entry point. */
class MavenNetworkTest {
  private static final String ENCRYPTED = "{COQLCE6DU6GtcS5P=}";
  private static final String PLAIN = "decrypted-proxy-pw-3e1a";

  /** Decrypts {@link #ENCRYPTED} to {@link #PLAIN}; anything else encrypted is an ERROR problem. */
  static final class FakeDecrypter implements SettingsDecrypter {
    final AtomicInteger calls = new AtomicInteger();
    RuntimeException failure;

    @Override
    public SettingsDecryptionResult decrypt(SettingsDecryptionRequest request) {
      calls.incrementAndGet();
      if (failure != null) {
        throw failure;
      }
      List<Proxy> proxies = new ArrayList<>();
      List<SettingsProblem> problems = new ArrayList<>();
      for (Proxy p : request.getProxies()) {
        Proxy copy = p.clone();
        if (ENCRYPTED.equals(p.getPassword())) {
          copy.setPassword(PLAIN);
        } else {
          problems.add(new DefaultSettingsProblem("Failed to decrypt password for proxy " + p.getId() + ": "
              + p.getPassword(), SettingsProblem.Severity.ERROR, "proxy: " + p.getId(), -1, -1, null));
        }
        proxies.add(copy);
      }
      return new SettingsDecryptionResult() {
        @Override
        public Server getServer() {
          return null;
        }

        @Override
        public List<Server> getServers() {
          return Collections.emptyList();
        }

        @Override
        public Proxy getProxy() {
          return proxies.isEmpty() ? null : proxies.get(0);
        }

        @Override
        public List<Proxy> getProxies() {
          return proxies;
        }

        @Override
        public List<SettingsProblem> getProblems() {
          return problems;
        }
      };
    }
  }

  private static DefaultMavenExecutionRequest request(String password) {
    DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
    Proxy p = new Proxy();
    p.setId("corp");
    p.setActive(true);
    p.setProtocol("http");
    p.setHost("proxy.example");
    p.setPort(3128);
    p.setUsername("alice");
    p.setPassword(password);
    request.addProxy(p);
    return request;
  }

  @Test
  void encryptedPasswordIsDecryptedForTheCallOnly() {
    DefaultMavenExecutionRequest request = request(ENCRYPTED);
    FakeDecrypter decrypter = new FakeDecrypter();
    RecordingLog log = new RecordingLog();
    ProxySettings p = MavenNetwork.proxies(request, decrypter, log.buildLog()).get(0);
    assertEquals(PLAIN, p.password());
    assertFalse(p.passwordIsEncrypted());
    assertEquals(ENCRYPTED, request.getProxies().get(0).getPassword(), "Maven's own proxy is left alone");
    assertFalse(p.toString().contains(PLAIN));
    assertTrue(log.all().isEmpty());
  }

  @Test
  void aClearPasswordIsNotDecryptedAgain() {
    DefaultMavenExecutionRequest request = request(PLAIN);
    FakeDecrypter decrypter = new FakeDecrypter();
    assertEquals(PLAIN, MavenNetwork.proxies(request, decrypter, new RecordingLog().buildLog()).get(0).password());
    assertEquals(0, decrypter.calls.get());
  }

  @Test
  void withoutADecrypterTheEncryptedPasswordIsKeptAndNeverSent() {
    ProxySettings p = MavenNetwork.proxies(request(ENCRYPTED), null, new RecordingLog().buildLog()).get(0);
    assertTrue(p.passwordIsEncrypted());
  }

  @Test
  void undecryptablePasswordGivesOneWarnLinePerBuild() {
    String other = "{notTheRightMasterPassword0=}";
    DefaultMavenExecutionRequest request = request(other);
    RecordingLog log = new RecordingLog();
    FakeDecrypter decrypter = new FakeDecrypter();
    assertTrue(MavenNetwork.proxies(request, decrypter, log.buildLog()).get(0).passwordIsEncrypted(),
        "the credentials are withheld");
    MavenNetwork.proxies(request, decrypter, log.buildLog());
    assertEquals(Collections.singletonList("Cannot decrypt the password of proxy corp (proxy.example:3128) from"
        + " settings.xml: the CodeArtifact API call goes through it without credentials; check the master password"
        + " in ~/.m2/settings-security.xml (or the file -Dsettings.security names), or encrypt the proxy password"
        + " again with mvn --encrypt-password"), log.warns());
    log.assertNoSecret(other, "notTheRightMasterPassword");
  }

  @Test
  void aFailingDecrypterIsNamedByItsClassOnly() {
    DefaultMavenExecutionRequest request = request(ENCRYPTED);
    FakeDecrypter decrypter = new FakeDecrypter();
    decrypter.failure = new IllegalStateException("master " + PLAIN);
    RecordingLog log = new RecordingLog();
    assertTrue(MavenNetwork.proxies(request, decrypter, log.buildLog()).get(0).passwordIsEncrypted());
    assertEquals(1, log.warns().size());
    assertTrue(log.warns().get(0).startsWith("Cannot decrypt the password of proxy corp (proxy.example:3128) from"
        + " settings.xml (IllegalStateException): "), log.warns().get(0));
    log.assertNoSecret(PLAIN, ENCRYPTED);
  }

  @Test
  void networkSettingsCarryTheDecryptedProxy() throws Exception {
    DefaultMavenExecutionRequest request = request(ENCRYPTED);
    ProxySettings p = Parameters.parse(Configuration.of(Collections.<String, String>emptyMap()),
        MavenNetwork.proxies(request, new FakeDecrypter(), new RecordingLog().buildLog())).network()
        .proxyFor("https", "codeartifact.us-west-2.amazonaws.com");
    assertNotNull(p);
    assertEquals(PLAIN, p.password());
  }

  @Test
  void theGoalsUseTheirInjectedDecrypter() throws Exception {
    DefaultMavenExecutionRequest request = request(ENCRYPTED);
    MavenSession session = mock(MavenSession.class);
    when(session.getRequest()).thenReturn(request);
    TokenMojo mojo = new TokenMojo();
    mojo.session = session;
    mojo.settingsDecrypter = new FakeDecrypter();
    assertEquals(PLAIN, mojo.parameters().network().proxyFor("https", "codeartifact.us-west-2.amazonaws.com")
        .password());
  }

  @Test
  void extensionsAreConstructedWithMavensDecrypter() throws Exception {
    for (Class<?> c : new Class<?>[] {CoreExtensionSpy.class, ExtensionParticipant.class}) {
      Constructor<?> injected = c.getDeclaredConstructor(SettingsDecrypter.class);
      assertNotNull(injected.getAnnotation(Inject.class), c.getSimpleName());
      // Private, so Guice uses reflection instead of generating a fast-class at build start.
      assertTrue(java.lang.reflect.Modifier.isPrivate(injected.getModifiers()), c.getSimpleName());
      assertNotNull(c.getConstructor(), c.getSimpleName() + " keeps its no-argument constructor");
    }
    assertNull(MavenNetwork.proxies(null, null, null).isEmpty() ? null : "not empty");
  }
}
