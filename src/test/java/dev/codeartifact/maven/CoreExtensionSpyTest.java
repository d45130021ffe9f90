package dev.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.Configuration;
import dev.codeartifact.core.flow.RecordingLog;
import dev.codeartifact.maven.build.MavenBuild;
import dev.codeartifact.maven.credentials.MavenCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;

/** The paths of the core extension that need no network. */
class CoreExtensionSpyTest {
  @TempDir
  Path dir;

  private final RecordingLog recorded = RecordingLog.withoutDebug();
  private final List<String> lines = recorded.lines;
  private final BuildLog log = recorded.buildLog();

  private MavenExecutionRequest request(String... keyValues) {
    MavenExecutionRequest r = new DefaultMavenExecutionRequest();
    Properties user = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      user.setProperty(keyValues[i], keyValues[i + 1]);
    }
    r.setUserProperties(user);
    r.setPom(dir.resolve("pom.xml").toFile());
    return r;
  }

  @Test
  void invalidPropertyIsRecordedAndThrownFromAfterSessionStart() throws Exception {
    CoreExtensionSpy spy = new CoreExtensionSpy(log);
    MavenExecutionRequest r = request(Configuration.DOMAIN, "corp", Configuration.DURATION, "60");
    spy.onEvent(r);
    String failure = MavenBuild.notes(r).failure();
    assertTrue(failure.startsWith("Invalid codeartifact.durationSeconds '60' (set by -D or .mvn/maven.config): "),
        failure);
    MavenSession session = Mockito.mock(MavenSession.class);
    Mockito.when(session.getRequest()).thenReturn(r);
    MavenExecutionException e = assertThrows(MavenExecutionException.class,
        () -> new ExtensionParticipant().afterSessionStart(session));
    assertEquals(failure, e.getMessage());
    // The next build of a long-lived container starts clean.
    MavenExecutionRequest next = request();
    spy.onEvent(next);
    assertNull(MavenBuild.notes(next).failure());
    assertTrue(lines.isEmpty(), lines.toString());
  }

  @Test
  void otherEventsAreIgnored() {
    CoreExtensionSpy spy = new CoreExtensionSpy(log);
    MavenExecutionRequest r = request();
    spy.onEvent("not a request");
    assertTrue(r.getData().isEmpty(), "nothing noted");
  }

  @Test
  void offlineBuildWarnsOnceAndRequestsNothing() throws Exception {
    Files.writeString(dir.resolve("pom.xml"), "<project><repositories><repository><id>ca</id>"
        + "<url>https://corp-111122223333.d.codeartifact.eu-west-1.amazonaws.com/maven/r/</url>"
        + "</repository></repositories></project>");
    CoreExtensionSpy spy = new CoreExtensionSpy(log);
    MavenExecutionRequest r = request();
    r.setOffline(true);
    spy.onEvent(r);
    assertNull(MavenBuild.notes(r).failure());
    assertEquals(List.of("WARN Offline build (-o): not requesting a CodeArtifact token; repositories that need"
        + " one will fail"), lines);
    assertTrue(r.getServers().isEmpty());
  }

  @Test
  void userPasswordWinsUnlessNamedInServerIds() throws Exception {
    Files.writeString(dir.resolve("pom.xml"), "<project><repositories><repository><id>kept-by-spy-test</id>"
        + "<url>https://corp-111122223333.d.codeartifact.eu-west-1.amazonaws.com/maven/r/</url>"
        + "</repository></repositories></project>");
    MavenExecutionRequest r = request();
    Server s = new Server();
    s.setId("kept-by-spy-test");
    s.setUsername("me");
    s.setPassword("my-own-password");
    r.addServer(s);
    CoreExtensionSpy spy = new CoreExtensionSpy(log);
    spy.onEvent(r);
    assertNull(MavenBuild.notes(r).failure());
    assertEquals("my-own-password", r.getServers().get(0).getPassword());
    assertEquals(List.of("INFO Server kept-by-spy-test has a password in settings.xml: keeping it instead of a"
        + " CodeArtifact token (name it in codeartifact.serverIds to use the token)"), lines);
    // Another entry point of the same build meets the same server: no second line.
    spy.onEvent(r);
    assertEquals(1, lines.size());
  }

  @Test
  void preemptiveSwitchIsSetUnderBothResolverNamesUnlessTheUserSetIt() {
    MavenExecutionRequest r = new DefaultMavenExecutionRequest();
    r.getUserProperties().setProperty("aether.transport.http.preemptiveAuth.mine", "false");
    MavenCredentials.preemptive(r, "ca", log);
    MavenCredentials.preemptive(r, "mine", log);
    // Resolver 1.x (Maven 3.6-3.9) and 2.x (Maven 3.10, 4.0) names.
    assertEquals("true", r.getUserProperties().getProperty("aether.connector.http.preemptiveAuth.ca"));
    assertEquals("true", r.getUserProperties().getProperty("aether.transport.http.preemptiveAuth.ca"));
    assertEquals("true", r.getUserProperties().getProperty("aether.connector.http.preemptiveAuth.mine"));
    assertEquals("false", r.getUserProperties().getProperty("aether.transport.http.preemptiveAuth.mine"));
  }
}
